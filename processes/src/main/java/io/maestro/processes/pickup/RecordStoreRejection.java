package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The store rejected the pickup (or an operator rerouted it after the store stayed unreachable): its reservation
 * goes back to ATP, the shipment is REJECTED with the store's reason, and the options for DMN
 * {@code pickup-exception} are found (situation STORE_REJECTED). Nothing is re-routed before the DMN decides.
 */
@Component("recordStoreRejection")
public class RecordStoreRejection implements JavaDelegate {

    private final OrderService orders;
    private final PickupStock stock;
    private final PickupOptions options;

    public RecordStoreRejection(OrderService orders, PickupStock stock, PickupOptions options) {
        this.orders = orders;
        this.stock = stock;
        this.options = options;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        String shipmentId = (String) execution.getVariable("shipmentId");
        Order order = orders.get(orderId);
        Object why = execution.getVariable("reason") != null ? execution.getVariable("reason")
                : execution.getVariable("partnerError");
        String reason = "store " + order.pickupNodeId() + " cannot serve the pickup" + (why == null ? "" : ": " + why);
        stock.release(orderId, shipmentId, reason);
        orders.rejectShipment(orderId, shipmentId, PickupStock.ACTOR, reason);
        options.assess(execution, order, "STORE_REJECTED");
    }
}
