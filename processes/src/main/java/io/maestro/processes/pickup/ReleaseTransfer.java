package io.maestro.processes.pickup;

import io.maestro.core.network.NetworkService;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.processes.PartnerStepCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Asks the transfer's source node to send the order's goods to the pickup store (delivery option TRANSFER); only a
 * PLANNED transfer ({@link PartnerStepCheck#release}).
 */
@Component("releaseTransfer")
public class ReleaseTransfer implements JavaDelegate {

    public static final String TRANSFER = "TRANSFER";

    private final OrderService orders;
    private final NetworkService network;
    private final NodeGateway nodes;
    private final PartnerStepCheck check;
    private final PickupHoldGate gate;

    public ReleaseTransfer(OrderService orders, NetworkService network, @Lazy NodeGateway nodes, PartnerStepCheck check,
                           PickupHoldGate gate) {
        this.orders = orders;
        this.network = network;
        this.nodes = nodes;
        this.check = check;
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        orders.lockOrder(orderId);
        Order order = orders.get(orderId);
        String transferId = (String) execution.getVariable("transferShipmentId");
        Shipment transfer = ReleaseToStore.shipment(order, transferId);
        if (check.release(order.orderId(), transfer, PickupStock.ACTOR) == PartnerStepCheck.Verdict.DONE_BEFORE) {
            return;
        }
        gate.passOrWait(execution, order.orderId(), transferId, transfer.nodeId());
        try {
            nodes.release(new ShipmentRelease(order.orderId(), transferId, transfer.nodeId(), transfer.lines(),
                    network.get(order.pickupNodeId()).address(), TRANSFER, transfer.promisedDate()));
        } catch (PartnerRefusedException e) {
            throw PartnerFailures.refused(execution, e, "RELEASE", transfer.nodeId());
        } catch (PartnerUnavailableException e) {
            throw PartnerFailures.escalateOrRetry(execution, e, "RELEASE", transfer.nodeId());
        }
        orders.changeShipmentStatus(order.orderId(), transferId, ShipmentStatus.RELEASED, "TRANSFER_RELEASED",
                PickupStock.ACTOR, "transfer released to " + transfer.nodeId() + " for store " + order.pickupNodeId());
    }
}
