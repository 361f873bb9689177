package io.maestro.workers.allocate;

import io.maestro.core.order.Shipment;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an allocation reserved and planned: the shipments, units left unfilled, total cost and the
 * explanation written to the timeline, and the candidate plans as a table for a person ({@link CandidatePlanTable};
 * null when not planned now). {@code repeated} when this attempt had been carried out before.
 */
public record AllocationOutcome(String orderId, String attempt, List<Shipment> shipments, int allocatedUnits,
                                int unfilledUnits, BigDecimal totalCost, String explanation, boolean repeated,
                                String candidatePlans) {

    public AllocationOutcome(String orderId, String attempt, List<Shipment> shipments, int allocatedUnits,
                             int unfilledUnits, BigDecimal totalCost, String explanation, boolean repeated) {
        this(orderId, attempt, shipments, allocatedUnits, unfilledUnits, totalCost, explanation, repeated, null);
    }

    /** Share of the units this allocation was asked to place that it placed (1 when there was nothing to place). */
    public double fillRate() {
        int asked = allocatedUnits + unfilledUnits;
        return asked == 0 ? 1.0 : (double) allocatedUnits / asked;
    }
}
