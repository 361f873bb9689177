package io.maestro.workers.allocate;

import io.maestro.core.order.Shipment;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an allocation reserved and planned: the shipments, units left unfilled, total cost and the
 * explanation written to the timeline. {@code repeated} when this attempt had been carried out before.
 */
public record AllocationOutcome(String orderId, String attempt, List<Shipment> shipments, int unfilledUnits,
                                BigDecimal totalCost, String explanation, boolean repeated) {
}
