package io.maestro.core.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The order-up-to rule over any position and policy. */
class OrderUpToProperties {

    /**
     * Projected stock (on hand − reserved + on order + the order) is never negative, reaches the order-up-to level
     * whenever something is ordered, and the order is whole packs of at least the minimum, no pack more than needed.
     */
    @Property(tries = 2000)
    void aProposalLandsProjectedStockAtTheLevelRoundedToThePack(
            @ForAll @LongRange(max = 10_000) long orderUpTo, @ForAll @LongRange(max = 10_000) long onHand,
            @ForAll @LongRange(max = 10_000) long reserved, @ForAll @LongRange(max = 10_000) long onOrder,
            @ForAll @IntRange(max = 500) int minOrderQuantity, @ForAll @IntRange(min = 1, max = 48) int packSize) {
        long position = Math.max(0, onHand - reserved) + onOrder;
        long quantity = OrderUpTo.quantity(orderUpTo, position, minOrderQuantity, packSize);
        long projected = position + quantity;

        assertThat(quantity).isNotNegative();
        assertThat(projected).isNotNegative();
        assertThat(quantity % packSize).isZero();
        if (position >= orderUpTo) {
            assertThat(quantity).isZero();
        } else {
            assertThat(projected).isGreaterThanOrEqualTo(orderUpTo);
            assertThat(quantity).isGreaterThanOrEqualTo(minOrderQuantity);
            assertThat(quantity - packSize).isLessThan(Math.max(orderUpTo - position, minOrderQuantity));
        }
    }

    /** A node short of what it promised (more reserved than on hand after a loss) still orders up to the level. */
    @Property(tries = 500)
    void aShortPositionIsOrderedBackAboveZero(@ForAll @LongRange(max = 1000) long orderUpTo,
                                              @ForAll @LongRange(min = -1000, max = -1) long position,
                                              @ForAll @IntRange(min = 1, max = 24) int packSize) {
        long quantity = OrderUpTo.quantity(orderUpTo, position, 0, packSize);

        assertThat(position + quantity).isGreaterThanOrEqualTo(orderUpTo).isNotNegative();
    }
}
