package io.maestro.processes.pickup;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The store took the pickup and is picking it. */
@Component("recordStoreAccepted")
public class RecordStoreAccepted implements JavaDelegate {

    private final OrderService orders;

    public RecordStoreAccepted(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String shipmentId = (String) execution.getVariable("shipmentId");
        orders.changeShipmentStatus((String) execution.getVariable("orderId"), shipmentId, ShipmentStatus.ACCEPTED,
                "SHIPMENT_ACCEPTED", PickupStock.ACTOR, "the store accepted pickup " + shipmentId);
    }
}
