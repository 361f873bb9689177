package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAcceptance: the node took the shipment on (ShipmentAccepted). */
@Component("recordAcceptance")
public class RecordAcceptance implements JavaDelegate {

    private final OrderService orders;

    public RecordAcceptance(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.ACCEPTED, "SHIPMENT_ACCEPTED",
                s.shipment().nodeId(), "Accepted by " + s.shipment().nodeId());
    }
}
