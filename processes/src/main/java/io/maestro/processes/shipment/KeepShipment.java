package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task_KeepShipment: the node refused to withdraw a shipment an operator chose to cancel (it is packed or has left),
 * so the node keeps it and ships it. Nothing was given back; the shipment goes on from where it stands, as a cancel
 * of the whole order does with a shipment a node will not give up: {@code shipmentStands} = {@code LABELLED} (tracked
 * to delivery), {@code ACCEPTED} (its label is bought next) or {@code AT_NODE} (it waits for the node's answer), said
 * on the timeline ({@code SHIPMENT_KEPT}).
 */
@Component("keepShipment")
public class KeepShipment implements JavaDelegate {

    static final String STANDS = "shipmentStands";

    private final OrderService orders;

    public KeepShipment(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        String stands;
        String next;
        if (s.shipment().trackingNumber() != null) {
            stands = "LABELLED";
            next = "it is tracked to delivery";
        } else if (s.shipment().status() == ShipmentStatus.ACCEPTED) {
            stands = "ACCEPTED";
            next = "its label is bought next";
        } else {
            stands = "AT_NODE";
            next = "it waits for the node's acceptance";
        }
        execution.setVariable(STANDS, stands);
        orders.record(s.orderId(), "SHIPMENT_KEPT", ShipmentInProcess.ACTOR, s.shipment().nodeId() + " keeps "
                + s.shipmentId() + " and ships it (" + execution.getVariable("partnerError")
                + "): the operator's cancel cannot be carried out, so the shipment goes on; " + next,
                Map.of("shipmentId", s.shipmentId(), "nodeId", s.shipment().nodeId(), "shipmentStands", stands));
    }
}
