package io.maestro.workers.allocation.cost;

import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Policy;

/**
 * The cost of a plan, one business rule per method. A plan costs the sum of all rules over its shipments,
 * plus the split and unfilled penalties of the whole order. The policy's weights scale the rules:
 * cost weight the money a retailer pays, speed weight lateness, carbon weight emissions.
 */
public final class CostRules {

    private final Policy policy;

    public CostRules(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /** The carrier's charge for the parcel, at the cheapest service that meets the promise. */
    public double carrierPrice(double price) {
        return policy.costWeight() * price;
    }

    /** Picking, packing and hand-over of one parcel at the node. */
    public double handlingPerShipment(Node node) {
        return policy.costWeight() * node.handlingPerShipment();
    }

    /** Picking each unit at the node, at that node's per-unit rate. */
    public double handlingPerUnit(Node node, int units) {
        return policy.costWeight() * node.handlingPerUnit() * units;
    }

    /** Every parcel beyond the first costs the customer's experience a fixed penalty. */
    public double splitPenalty(int shipments) {
        return policy.costWeight() * policy.splitPenalty() * Math.max(0, shipments - 1);
    }

    /** Each day a parcel arrives after the promise costs the per-day lateness penalty. */
    public double latenessPenalty(int etaDays, int promiseDays) {
        return policy.speedWeight() * policy.latenessPenaltyPerDay() * Math.max(0, etaDays - promiseDays);
    }

    /** Emissions are charged at the policy's carbon price per kg CO2e. */
    public double carbonCost(double kgCo2e) {
        return policy.carbonWeight() * policy.carbonPricePerKg() * kgCo2e;
    }

    /** Every ordered unit the plan cannot fill now costs the unfilled penalty (backorder or lost sale). */
    public double unfilledPenalty(int units) {
        return policy.unfilledPenaltyPerUnit() * units;
    }
}
