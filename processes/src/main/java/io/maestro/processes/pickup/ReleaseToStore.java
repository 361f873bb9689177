package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.processes.PartnerStepCheck;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Asks the pickup store to pick the order and hold it for the customer. The shipment reserved there becomes the
 * process's {@code shipmentId}, so the store's answers find this process. Only a PLANNED shipment is released
 * ({@link PartnerStepCheck#release}); a closed one ends the pickup here.
 */
@Component("releaseToStore")
public class ReleaseToStore implements JavaDelegate {

    private final OrderService orders;
    private final NodeGateway nodes;
    private final ShipmentIdList ids;
    private final PartnerStepCheck check;
    private final PickupHoldGate gate;

    public ReleaseToStore(OrderService orders, @Lazy NodeGateway nodes, ShipmentIdList ids, PartnerStepCheck check,
                          PickupHoldGate gate) {
        this.orders = orders;
        this.nodes = nodes;
        this.ids = ids;
        this.check = check;
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        orders.lockOrder(orderId);
        Order order = orders.get(orderId);
        String shipmentId = ids.split((String) execution.getVariable("shipmentIds")).get(0);
        Shipment shipment = shipment(order, shipmentId);
        execution.setVariable("shipmentId", shipmentId);
        if (check.release(order.orderId(), shipment, PickupStock.ACTOR) == PartnerStepCheck.Verdict.DONE_BEFORE) {
            return;
        }
        gate.passOrWait(execution, order.orderId(), shipmentId, shipment.nodeId());
        try {
            nodes.release(new ShipmentRelease(order.orderId(), shipmentId, shipment.nodeId(), shipment.lines(),
                    order.shipTo(), order.deliveryOption().name(), shipment.promisedDate()));
        } catch (PartnerRefusedException e) {
            throw PartnerFailures.refused(execution, e, "RELEASE", shipment.nodeId());
        } catch (PartnerUnavailableException e) {
            throw PartnerFailures.escalateOrRetry(execution, e, "RELEASE", shipment.nodeId());
        }
        orders.changeShipmentStatus(order.orderId(), shipmentId, ShipmentStatus.RELEASED, "SHIPMENT_RELEASED",
                PickupStock.ACTOR, "released to store " + shipment.nodeId() + " for " + order.deliveryOption());
        orders.changeStatus(order.orderId(), OrderStatus.RELEASED, "PICKUP_RELEASED", PickupStock.ACTOR,
                "the store picks the order for " + order.deliveryOption(), Map.of("shipmentId", shipmentId,
                        "nodeId", shipment.nodeId()));
    }

    static Shipment shipment(Order order, String shipmentId) {
        return order.shipments().stream().filter(s -> s.shipmentId().equals(shipmentId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Order " + order.orderId() + " has no shipment " + shipmentId));
    }
}
