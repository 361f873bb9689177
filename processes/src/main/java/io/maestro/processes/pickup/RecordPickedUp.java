package io.maestro.processes.pickup;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The customer has the goods: the store's reservations are consumed, the shipment delivered, the order PICKED_UP. */
@Component("recordPickedUp")
public class RecordPickedUp implements JavaDelegate {

    private final OrderService orders;
    private final PickupStock stock;

    public RecordPickedUp(OrderService orders, PickupStock stock) {
        this.orders = orders;
        this.stock = stock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        String shipmentId = (String) execution.getVariable("shipmentId");
        Object bay = execution.getVariable("bay");
        String how = bay == null ? "collected in store" : "handed over at curbside bay " + bay;
        stock.consume(orderId, shipmentId, "picked up: " + orderId);
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.DELIVERED, "PICKED_UP", PickupStock.ACTOR, how);
        orders.changeStatus(orderId, OrderStatus.PICKED_UP, "PICKED_UP", PickupStock.ACTOR, "the customer " + how,
                Map.of("shipmentId", shipmentId));
    }
}
