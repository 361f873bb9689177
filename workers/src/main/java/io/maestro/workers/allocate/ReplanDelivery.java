package io.maestro.workers.allocate;

import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentEstimate;
import java.util.List;
import java.util.Map;

/**
 * Where an applied wave re-plan goes: to the order's own process, the only writer of its shipments, which withdraws
 * the shipments it replaces, swaps the reservations and executes the new ones (message {@code AllocationReplanned}
 * to {@code order-fulfillment}). It answers at once whether the process took the plan.
 */
public interface ReplanDelivery {

    Delivery deliver(Replan replan);

    /**
     * The order's new plan: {@code shipments} (new ids, PLANNED, not yet reserved) replace {@code replacedShipmentIds}
     * (the PLANNED shipments the wave planned against); {@code estimates} are what each new parcel's carrier service
     * costs and emits, kept to compare with its label; {@code reason} and {@code details} go on the timeline.
     */
    record Replan(String orderId, String attempt, List<String> replacedShipmentIds,
                  List<Shipment> shipments, List<ShipmentEstimate> estimates, String reason, Map<String, Object> details) {
    }

    /** What became of a re-plan, and why in words. */
    record Delivery(Outcome outcome, String note) {
    }

    enum Outcome {
        /** The process applied the plan: old shipments withdrawn, new ones reserved and executing. */
        APPLIED,
        /** The order's process is past the point where a re-plan is safe (a shipment released, no process, …). */
        SKIPPED,
        /** The new plan's stock was taken meanwhile; the order keeps its current plan. */
        KEPT
    }
}
