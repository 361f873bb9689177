package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tells the node holding the process's shipment ({@code shipmentId}: the pickup at the store after a no-show, the
 * transfer at its source when it is overdue) to stop: put the goods back, do not send them. Nothing to do when no
 * shipment of this pickup is released to a node. A node that refuses ({@code 409}: the goods have left; {@code 404}: it
 * holds nothing) answers BPMN error {@code PartnerRefused} with {@code takeBackKind} (PICKUP or TRANSFER) for DMN
 * {@code take-back-refused}.
 */
@Component("withdrawPickupShipment")
public class WithdrawPickupShipment implements JavaDelegate {

    private static final Set<ShipmentStatus> AT_NODE = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED);

    private final OrderService orders;
    private final NodeGateway nodes;

    public WithdrawPickupShipment(OrderService orders, @Lazy NodeGateway nodes) {
        this.orders = orders;
        this.nodes = nodes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String shipmentId = (String) execution.getVariable("shipmentId");
        Shipment shipment = shipmentId == null ? null : ReleaseToStore.shipment(order, shipmentId);
        if (shipment == null || !AT_NODE.contains(shipment.status())) {
            return;
        }
        execution.setVariable("takeBackKind", shipment.shipmentId().equals(execution.getVariable("transferShipmentId"))
                ? "TRANSFER" : "PICKUP");
        try {
            nodes.cancel(shipment.nodeId(), order.orderId(), shipment.shipmentId(),
                    CancelPickup.describe(execution.getVariable("cancelReason"),
                    (String) execution.getVariable("pickupActionReason")));
        } catch (PartnerRefusedException e) {
            throw PartnerFailures.refused(execution, e, "WITHDRAW", shipment.nodeId());
        } catch (PartnerUnavailableException e) {
            throw PartnerFailures.escalateOrRetry(execution, e, "WITHDRAW", shipment.nodeId());
        }
    }
}
