package io.maestro.processes.shipment;

import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.processes.FulfillmentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReleaseToNode: asks the node to pick and ship the shipment's lines to the order's ship-to, marks the
 * shipment RELEASED and sets the node's acceptance SLA ({@code nodeAcceptanceSla}) for the timer that follows.
 */
@Component("releaseToNode")
public class ReleaseToNode implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final NodeGateway nodes;
    private final FulfillmentProperties properties;

    public ReleaseToNode(OrderService orders, NetworkService network, NodeGateway nodes, FulfillmentProperties properties) {
        this.orders = orders;
        this.network = network;
        this.nodes = nodes;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        Node node = network.get(s.shipment().nodeId());
        PartnerCalls.run(execution, s, "RELEASE", node.id(), () -> nodes.release(new ShipmentRelease(s.orderId(),
                s.shipmentId(), node.id(), s.shipment().lines(), s.order().shipTo(), s.order().deliveryOption().name(),
                s.shipment().promisedDate())));
        String sla = properties.nodeAcceptanceSla(node.type().name());
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.RELEASED, "SHIPMENT_RELEASED",
                ShipmentInProcess.ACTOR, "Released to " + node.id() + " (" + node.type() + "), to accept within " + sla);
        execution.setVariable("nodeAcceptanceSla", sla);
    }
}
