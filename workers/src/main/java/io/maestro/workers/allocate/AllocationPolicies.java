package io.maestro.workers.allocate;

import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.Order;
import io.maestro.core.order.Preference;
import io.maestro.workers.allocation.model.Policy;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The policy and promise an order is allocated under. The process passes what DMN
 * {@code fulfillment-policy} decided as variables ({@link #DECIDED}); what it does not decide comes
 * from the defaults here, the same rules in their plainest form.
 */
@Component
public class AllocationPolicies {

    /** Variable names the process may decide: weights, limits, carbon price and promise. */
    public static final List<String> DECIDED = List.of("costWeight", "speedWeight", "carbonWeight", "maxShipments",
            "splitAllowed", "shipFromStoreAllowed", "carbonPricePerKg", "promiseDays");

    /** The default policy with every decided value put over it. */
    public Policy policyFor(Order order, Map<String, ?> decided) {
        Policy p = policyFor(order);
        Policy merged = new Policy(number(decided, "costWeight", p.costWeight()), number(decided, "speedWeight", p.speedWeight()),
                number(decided, "carbonWeight", p.carbonWeight()), (int) number(decided, "maxShipments", p.maxShipments()),
                flag(decided, "splitAllowed", p.splitAllowed()), flag(decided, "shipFromStoreAllowed", p.shipFromStoreAllowed()),
                number(decided, "carbonPricePerKg", p.carbonPricePerKg()), p.splitPenalty(), p.latenessPenaltyPerDay(),
                p.unfilledPenaltyPerUnit());
        return order.shipComplete() ? merged.withSplit(false, 1) : merged;
    }

    public int promiseDays(Order order, Map<String, ?> decided) {
        return (int) number(decided, "promiseDays", promiseDays(order));
    }

    /** Whether DMN {@code fulfillment-policy} granted the order a service upgrade (two-day or faster). */
    public boolean serviceUpgrade(Map<String, ?> decided) {
        return Boolean.TRUE.equals(decided.get("serviceUpgrade"));
    }

    /** Weights and limits per the customer's preference; shipComplete forbids splits. */
    public Policy policyFor(Order order) {
        Policy base = Policy.balanced();
        Policy byPreference = switch (order.preference()) {
            case FASTEST -> new Policy(1, 3, 1, base.maxShipments(), true, true, base.carbonPricePerKg(), base.splitPenalty(),
                    base.latenessPenaltyPerDay() * 3, base.unfilledPenaltyPerUnit());
            case CHEAPEST -> new Policy(1, 0.5, 0.5, base.maxShipments(), true, true, base.carbonPricePerKg(),
                    base.splitPenalty(), base.latenessPenaltyPerDay(), base.unfilledPenaltyPerUnit());
            case GREEN -> new Policy(1, 1, 3, 2, true, true, base.carbonPricePerKg() * 5, base.splitPenalty() * 2,
                    base.latenessPenaltyPerDay(), base.unfilledPenaltyPerUnit());
            case BALANCED -> base;
        };
        return order.shipComplete() ? byPreference.withSplit(false, 1) : byPreference;
    }

    private static double number(Map<String, ?> decided, String name, double otherwise) {
        Object value = decided.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("Variable " + name + " must be a number, not " + value);
    }

    private static boolean flag(Map<String, ?> decided, String name, boolean otherwise) {
        Object value = decided.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("Variable " + name + " must be true or false, not " + value);
    }

    /** Days from today the customer is promised delivery: 2 for FASTEST, 3 for VIPs, otherwise 5; pickup the next day. */
    public int promiseDays(Order order) {
        if (order.deliveryOption() != io.maestro.core.order.DeliveryOption.SHIP) {
            return 1;
        }
        if (order.preference() == Preference.FASTEST) {
            return 2;
        }
        return order.customer().tier() == CustomerTier.VIP ? 3 : 5;
    }
}
