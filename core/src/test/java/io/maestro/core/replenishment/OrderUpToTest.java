package io.maestro.core.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The order-up-to rule on small cases worked out by hand. */
class OrderUpToTest {

    /** Level 37; 20 on hand, 4 reserved, 6 on order: position 22, 15 short; minimum 12, cases of 12 → 2 cases. */
    @Test
    void ordersTheShortfallInWholeCases() {
        assertThat(OrderUpTo.quantity(37, 20 - 4 + 6, 12, 12)).isEqualTo(24);
    }

    /** 3 short, minimum 12 in cases of 5 → 12 rounded up to 15. */
    @Test
    void aSmallShortfallOrdersTheMinimumRoundedToThePack() {
        assertThat(OrderUpTo.quantity(10, 7, 12, 5)).isEqualTo(15);
    }

    @Test
    void nothingWhenThePositionReachesTheLevel() {
        assertThat(OrderUpTo.quantity(10, 10, 12, 5)).isZero();
        assertThat(OrderUpTo.quantity(0, 0, 1, 1)).isZero();
    }

    /** Single units without a minimum: exactly the shortfall. */
    @Test
    void singleUnitsOrderExactlyTheShortfall() {
        assertThat(OrderUpTo.quantity(9, -2, 0, 1)).isEqualTo(11);
    }
}
