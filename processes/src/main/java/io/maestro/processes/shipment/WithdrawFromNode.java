package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task_WithdrawFromNode: before a shipment is placed elsewhere, the node that holds it (released or accepted)
 * is told to drop it, so it is not shipped twice. A node that stays down, or refuses (the goods have left), goes to
 * an operator ({@link PartnerCalls}, step WITHDRAW); a node that holds nothing for it has nothing to drop.
 */
@Component("withdrawFromNode")
public class WithdrawFromNode implements JavaDelegate {

    private final OrderService orders;
    private final NodeGateway nodes;

    public WithdrawFromNode(OrderService orders, NodeGateway nodes) {
        this.orders = orders;
        this.nodes = nodes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        PartnerCalls.run(execution, s, "WITHDRAW", s.shipment().nodeId(),
                () -> withdraw(orders, nodes, s, "rerouted: " + execution.getVariable("rejectionCause")));
    }

    /**
     * Withdraws the shipment from its node if the node has it; true when it did. A node that answers it holds
     * nothing ({@code 404}) has nothing to drop; any other refusal is thrown.
     */
    static boolean withdraw(OrderService orders, NodeGateway nodes, ShipmentInProcess s, String reason) {
        ShipmentStatus status = s.shipment().status();
        if (status != ShipmentStatus.RELEASED && status != ShipmentStatus.ACCEPTED) {
            return false;
        }
        try {
            nodes.cancel(s.shipment().nodeId(), s.orderId(), s.shipmentId(), reason);
        } catch (PartnerRefusedException e) {
            if (e.status() != 404) {
                throw e;
            }
            orders.record(s.orderId(), "WITHDRAWAL_REFUSED", ShipmentInProcess.ACTOR, s.shipment().nodeId()
                    + " holds nothing to withdraw for " + s.shipmentId() + ": " + e.partnerMessage(),
                    Map.of("shipmentId", s.shipmentId(), "partnerStatus", e.status()));
            return false;
        }
        orders.record(s.orderId(), "SHIPMENT_WITHDRAWN", ShipmentInProcess.ACTOR, "Withdrawn from "
                + s.shipment().nodeId() + ": " + reason, Map.of("shipmentId", s.shipmentId()));
        return true;
    }
}
