package io.maestro.workers.allocation.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A plan's cost rule by rule; the total is the objective the engine minimises. */
public record CostBreakdown(double carrier, double handlingPerShipment, double handlingPerUnit, double split,
                            double lateness, double carbon, double unfilled) {

    public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0, 0, 0, 0, 0);

    public double total() {
        return carrier + handlingPerShipment + handlingPerUnit + split + lateness + carbon + unfilled;
    }

    /** The total without the unfilled penalty: what fulfilling the filled part costs. */
    public double fulfilment() {
        return total() - unfilled;
    }

    public CostBreakdown plus(CostBreakdown other) {
        return new CostBreakdown(carrier + other.carrier, handlingPerShipment + other.handlingPerShipment,
                handlingPerUnit + other.handlingPerUnit, split + other.split, lateness + other.lateness,
                carbon + other.carbon, unfilled + other.unfilled);
    }

    public CostBreakdown minus(CostBreakdown other) {
        return new CostBreakdown(carrier - other.carrier, handlingPerShipment - other.handlingPerShipment,
                handlingPerUnit - other.handlingPerUnit, split - other.split, lateness - other.lateness,
                carbon - other.carbon, unfilled - other.unfilled);
    }

    public CostBreakdown withSplit(double value) {
        return new CostBreakdown(carrier, handlingPerShipment, handlingPerUnit, value, lateness, carbon, unfilled);
    }

    public CostBreakdown withUnfilled(double value) {
        return new CostBreakdown(carrier, handlingPerShipment, handlingPerUnit, split, lateness, carbon, value);
    }

    /** The terms as people read them: shipping, handling, split penalty, lateness, carbon, unfilled. */
    public Map<String, Double> byRule() {
        Map<String, Double> rules = new LinkedHashMap<>();
        rules.put("shipping", carrier);
        rules.put("handling", handlingPerShipment + handlingPerUnit);
        rules.put("split penalty", split);
        rules.put("lateness", lateness);
        rules.put("carbon", carbon);
        rules.put("unfilled", unfilled);
        return rules;
    }
}
