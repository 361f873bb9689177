package io.maestro.app.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a replay found: per variant the figures to compare, and the orders whose plan differs from the baseline's
 * (the first variant), at most {@link OrderReplay#CHANGES_KEPT} of them per variant, with the reason.
 */
public record SimulationResult(int orders, String source, List<VariantReport> variants, List<ChangedOrder> changedOrders) {

    /**
     * Rates are fractions (0–1): split = orders in more than one parcel of the orders with a parcel; fill = units
     * planned of units ordered (held orders left out); on time = orders whose every parcel meets its promise of the
     * orders with a parcel. Money per order is per order with a parcel: {@code costPerOrder} as the plan is priced
     * under the order's policy (carrier, handling, lateness, carbon), {@code carrierPricePerOrder} what the carriers
     * charge.
     */
    public record VariantReport(String name, Map<String, String> decisions, int orders, int held, int withParcels,
                                double costPerOrder, double carrierPricePerOrder, double splitRate, double fillRate,
                                double onTimeRate, double co2KgPerOrder, double seconds, double ordersPerSecond,
                                int changedOrders, List<NodeLoad> nodeLoad, List<RuleHits> rules) {
    }

    /** A node's units today: held before the replay, planned by it, against its daily capacity (as the variant sets it). */
    public record NodeLoad(String nodeId, long capacity, long heldBefore, long units, double load) {
    }

    /** How many orders a rule matched (a COLLECT table's order counts once per rule). */
    public record RuleHits(String decision, String rule, String annotation, int orders) {
    }

    /** An order whose plan under {@code variant} differs from the baseline's. */
    public record ChangedOrder(String orderId, String variant, String baselinePlan, String plan, String reason) {
    }
}
