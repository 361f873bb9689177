package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.OrderUpTo;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.workers.forecast.DemandDistribution;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One SKU at one node: the order-up-to level is the quantile of demand over the policy's cover days (lead time +
 * review period) at its service level; the order brings on hand − reserved + on order up to it, in whole packs of at
 * least the minimum. The reason says every number.
 *
 * @param level    the order-up-to level
 * @param quantity units to order (0: nothing)
 */
public record OrderUpToLevel(long level, long quantity, String reason) {

    public static OrderUpToLevel of(DemandDistribution demand, ReplenishmentPolicy policy, long onHand, long reserved,
                                    long onOrder) {
        long level = demand.quantile(policy.serviceLevel());
        long position = onHand - reserved + onOrder;
        long quantity = OrderUpTo.quantity(level, position, policy.minOrderQuantity(), policy.packSize());
        String reason = String.format(Locale.ROOT,
                "order up to %d = the %s %% quantile of %d days' demand (mean %.1f); position %d = on hand %d − reserved "
                        + "%d + on order %d; %d short, minimum %d, packs of %d → %d. %s",
                level, percent(policy.serviceLevel()), policy.coverDays(), demand.mean(), position, onHand, reserved,
                onOrder, Math.max(0, level - position), policy.minOrderQuantity(), policy.packSize(), quantity,
                policy.reason());
        return new OrderUpToLevel(level, quantity, reason);
    }

    private static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
