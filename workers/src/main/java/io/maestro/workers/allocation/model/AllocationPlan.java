package io.maestro.workers.allocation.model;

import java.util.List;

/** The decision for one order: its parcels, the lines left unfilled, and the cost rule by rule. */
public record AllocationPlan(String orderId, List<Shipment> shipments, List<OrderLine> unfilledLines,
                             CostBreakdown breakdown) {

    public AllocationPlan {
        shipments = List.copyOf(shipments);
        unfilledLines = List.copyOf(unfilledLines);
    }

    public double totalCost() {
        return breakdown.total();
    }

    public boolean isComplete() {
        return unfilledLines.isEmpty();
    }

    public boolean isEmpty() {
        return shipments.isEmpty();
    }

    public boolean isSplit() {
        return shipments.size() > 1;
    }

    public int filledUnits() {
        return shipments.stream().mapToInt(Shipment::units).sum();
    }

    public int unfilledUnits() {
        return unfilledLines.stream().mapToInt(OrderLine::quantity).sum();
    }

    public double co2Kg() {
        return shipments.stream().mapToDouble(Shipment::co2Kg).sum();
    }

    public boolean onTime() {
        return shipments.stream().allMatch(Shipment::onTime);
    }
}
