package io.maestro.processes.shipment;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task_CancelShipment (an operator's choice after a partner failure): withdraws the shipment from its node,
 * gives its reserved units back, marks it CANCELLED and tells the customer; an order left with nothing to
 * ship is CANCELLED. A node that refuses the withdrawal (a {@code 4xx} but {@code 404}: the goods are packed or have
 * left) answers: BPMN error {@code PartnerRefused}, nothing is given back, and the shipment goes on
 * ({@link KeepShipment}). A node that stays unreachable fails the job, which the engine tries again on the task's
 * open-ended retry cycle (listed as RETRYING under {@code GET /api/exceptions}, never an incident).
 */
@Component("cancelShipment")
public class CancelShipment implements JavaDelegate {

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final NodeGateway nodes;
    private final CustomerNotifications notifications;

    public CancelShipment(OrderService orders, InventoryLedger ledger, NodeGateway nodes,
                          CustomerNotifications notifications) {
        this.orders = orders;
        this.ledger = ledger;
        this.nodes = nodes;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        Object comment = execution.getVariable("operatorComment");
        String reason = "cancelled by an operator after " + execution.getVariable("partnerError")
                + (comment == null || comment.toString().isBlank() ? "" : " (" + comment + ")");
        try {
            WithdrawFromNode.withdraw(orders, nodes, s, reason);
        } catch (PartnerRefusedException e) {
            throw PartnerCalls.refusal(execution, s, "WITHDRAW", s.shipment().nodeId(), e);
        }
        ledger.releaseAll(s.shipment().lines().stream().map(line -> s.shipmentId() + "-" + line.lineNo()).toList(),
                "shipment " + s.shipmentId() + " " + reason, ShipmentInProcess.ACTOR);
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.CANCELLED, "SHIPMENT_CANCELLED",
                ShipmentInProcess.ACTOR, reason);
        Order order = orders.get(s.orderId());
        if (OrderProgress.nothingLeft(order)) {
            orders.changeStatus(s.orderId(), OrderStatus.CANCELLED, "CANCELLED", ShipmentInProcess.ACTOR,
                    "Nothing left to ship after " + s.shipmentId() + " was cancelled",
                    Map.of("shipmentId", s.shipmentId()));
        }
        notifications.tell(order, "CANCELLED", s.shipmentId(), "Part of your order " + s.orderId() + " was cancelled",
                "We could not ship " + s.shipment().lines().size()
                        + " line(s) of your order; you will not be charged for them.",
                Map.of("shipmentId", s.shipmentId()));
    }
}
