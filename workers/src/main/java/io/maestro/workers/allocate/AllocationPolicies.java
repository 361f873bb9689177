package io.maestro.workers.allocate;

import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.Order;
import io.maestro.core.order.Preference;
import io.maestro.workers.allocation.Policy;
import org.springframework.stereotype.Component;

/**
 * The policy and promise an order is allocated under when its process passes none. The process
 * passes what DMN {@code fulfillment-policy} decides; these are the same rules in their plainest form.
 */
@Component
public class AllocationPolicies {

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
