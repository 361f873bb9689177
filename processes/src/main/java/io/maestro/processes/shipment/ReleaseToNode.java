package io.maestro.processes.shipment;

import io.maestro.core.command.OrderHolds;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.processes.FulfillmentProperties;
import io.maestro.processes.PartnerStepCheck;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReleaseToNode: asks the node to pick and ship the shipment's lines to the order's ship-to, marks the
 * shipment RELEASED and sets the node's acceptance SLA ({@code nodeAcceptanceSla}) for the timer that follows.
 * Only a PLANNED shipment is released ({@link PartnerStepCheck#release}): one released before waits for its node's
 * answer without a second call; a cancelled, rejected or further one ends this process (BPMN error
 * {@code ShipmentClosed}). While an operator holds the order nothing is released: BPMN error {@value #ORDER_HELD}
 * makes the process wait for the hold's release (a rerouted shipment too). The order's row is locked before the order is read, as commands lock it: an address
 * change (or any command) applied at the same time waits for the release or the release for it, never a release
 * with the address read before the change.
 */
@Component("releaseToNode")
public class ReleaseToNode implements JavaDelegate {

    static final String ORDER_HELD = "OrderHeld";
    private static final String HELD_RECORDED = "releaseHeldRecorded";

    private final OrderService orders;
    private final NetworkService network;
    private final NodeGateway nodes;
    private final FulfillmentProperties properties;
    private final PartnerStepCheck check;
    private final OrderHolds holds;

    public ReleaseToNode(OrderService orders, NetworkService network, NodeGateway nodes, FulfillmentProperties properties,
                         PartnerStepCheck check, OrderHolds holds) {
        this.orders = orders;
        this.network = network;
        this.nodes = nodes;
        this.properties = properties;
        this.check = check;
        this.holds = holds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.lockOrder(execution.getProcessBusinessKey());
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        Node node = network.get(s.shipment().nodeId());
        String sla = properties.nodeAcceptanceSla(node.type().name());
        execution.setVariable("nodeAcceptanceSla", sla);
        if (check.release(s.orderId(), s.shipment(), ShipmentInProcess.ACTOR) == PartnerStepCheck.Verdict.DONE_BEFORE) {
            return;
        }
        Optional<OrderHolds.Hold> hold = holds.find(s.orderId());
        if (hold.isPresent()) {
            if (execution.getVariable(HELD_RECORDED) == null) {
                orders.record(s.orderId(), "RELEASE_WAITS_FOR_HOLD", ShipmentInProcess.ACTOR, s.shipmentId()
                        + " is not released to " + node.id() + " while the order is held (by " + hold.get().heldBy() + ": "
                        + hold.get().reason() + ")", Map.of("shipmentId", s.shipmentId()));
                execution.setVariable(HELD_RECORDED, true);
            }
            throw new BpmnError(ORDER_HELD, "order " + s.orderId() + " is held");
        }
        execution.removeVariable(HELD_RECORDED);
        PartnerCalls.run(execution, s, "RELEASE", node.id(), () -> nodes.release(new ShipmentRelease(s.orderId(),
                s.shipmentId(), node.id(), s.shipment().lines(), s.order().shipTo(), s.order().deliveryOption().name(),
                s.shipment().promisedDate())));
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.RELEASED, "SHIPMENT_RELEASED",
                ShipmentInProcess.ACTOR, "Released to " + node.id() + " (" + node.type() + "), to accept within " + sla);
    }
}
