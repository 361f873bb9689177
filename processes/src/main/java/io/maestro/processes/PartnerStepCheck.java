package io.maestro.processes;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a partner step does with a shipment in the status it has now, read just before calling out: call the partner,
 * move on without calling (the step was done before: a repeated job, a second instance), or end the shipment's
 * process with BPMN error {@value #SHIPMENT_CLOSED} (the shipment was cancelled, rejected or another process moved
 * it on). A step not taken is on the order's timeline as {@code PARTNER_STEP_SKIPPED}.
 */
@Component
public class PartnerStepCheck {

    public static final String SHIPMENT_CLOSED = "ShipmentClosed";

    /** Verdict of the check. */
    public enum Verdict { CALL, DONE_BEFORE }

    private static final Set<ShipmentStatus> NODE_HAS_IT = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED);

    private final OrderService orders;

    public PartnerStepCheck(OrderService orders) {
        this.orders = orders;
    }

    /**
     * Release to a node: only a PLANNED shipment is released; RELEASED was released before; anything else is closed.
     * The shipment's row stays locked until the step commits, so a re-plan or withdrawal cannot slip in between the
     * check and the call.
     */
    public Verdict release(String orderId, Shipment shipment, String actor) {
        ShipmentStatus status = orders.lockShipment(orderId, shipment.shipmentId());
        return switch (status) {
            case PLANNED -> Verdict.CALL;
            case RELEASED -> skipped(orderId, shipment, status, "RELEASE", actor, "it was released before");
            default -> throw closed(orderId, shipment, status, "RELEASE", actor);
        };
    }

    /** A label is bought for a shipment its node has; one with a tracking number has its label already. */
    public Verdict label(String orderId, Shipment shipment, String actor) {
        ShipmentStatus status = orders.lockShipment(orderId, shipment.shipmentId());
        if (!NODE_HAS_IT.contains(status)) {
            throw closed(orderId, shipment, status, "LABEL", actor);
        }
        return shipment.trackingNumber() == null ? Verdict.CALL
                : skipped(orderId, shipment, status, "LABEL", actor, "it has label " + shipment.trackingNumber());
    }

    private Verdict skipped(String orderId, Shipment shipment, ShipmentStatus status, String step, String actor,
                            String why) {
        orders.record(orderId, "PARTNER_STEP_SKIPPED", actor, step + " of " + shipment.shipmentId() + " not sent: "
                + why + " (" + status + ")", Map.of("shipmentId", shipment.shipmentId(), "step", step,
                "status", status.name()));
        return Verdict.DONE_BEFORE;
    }

    private BpmnError closed(String orderId, Shipment shipment, ShipmentStatus status, String step, String actor) {
        String reason = step + " of " + shipment.shipmentId() + " not sent: the shipment is " + status
                + ", its process ends here";
        orders.record(orderId, "PARTNER_STEP_SKIPPED", actor, reason, Map.of("shipmentId", shipment.shipmentId(),
                "step", step, "status", status.name()));
        return new BpmnError(SHIPMENT_CLOSED, reason);
    }
}
