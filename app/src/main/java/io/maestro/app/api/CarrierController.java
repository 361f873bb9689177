package io.maestro.app.api;

import io.maestro.core.order.EstimateDrift;
import io.maestro.core.order.OrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How well allocation's carrier estimates match the labels bought, for operators. */
@RestController
@RequestMapping("/api/carriers")
public class CarrierController {

    private final OrderService orders;

    public CarrierController(OrderService orders) {
        this.orders = orders;
    }

    /** Over every shipment with an estimate and a label: how many within 1 %, mean and largest drift, totals. */
    @GetMapping("/estimate-drift")
    public EstimateDrift estimateDrift() {
        return orders.estimateDrift();
    }
}
