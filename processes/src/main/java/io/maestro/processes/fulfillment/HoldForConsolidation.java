package io.maestro.processes.fulfillment;

import io.maestro.core.order.OrderService;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code holdForConsolidation}: the order ships together. What is reserved stays reserved (held) while the
 * rest is awaited; everything is released to the nodes in one go once the last line is allocated.
 */
@Component("holdForConsolidation")
public class HoldForConsolidation implements JavaDelegate {

    private final OrderService orders;
    private final ShipmentIdList ids;

    public HoldForConsolidation(OrderService orders, ShipmentIdList ids) {
        this.orders = orders;
        this.ids = ids;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String held = ids.join((String) execution.getVariable("heldShipmentIds"), (String) execution.getVariable("shipmentIds"));
        execution.setVariable("heldShipmentIds", held);
        execution.setVariable("shipmentIds", "");
        execution.setVariable("excludedNodes", "");
        int attempt = BackorderOrder.attempts(execution) + 1;
        execution.setVariable("backorderAttempts", attempt);
        orders.record((String) execution.getVariable("orderId"), "WAITING_TO_CONSOLIDATE", "fulfillment",
                BackorderOrder.reason(execution), Map.of("heldShipmentIds", held, "attempt", attempt));
    }
}
