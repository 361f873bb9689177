package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.workers.forecast.NegativeBinomial;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order-up-to level and order of one SKU, and the ABC classes, on cases worked out by hand. */
class OrderUpToLevelTest {

    private static final ReplenishmentPolicy DC = new ReplenishmentPolicy(true, 7, 7, 0.95, 12, 12, 120,
            "DC: domestic supplier, 7 days, cases of 12");

    /**
     * Poisson demand with mean 10 over the 14 cover days: P(D ≤ 14) = 0.9165, P(D ≤ 15) = 0.9513, so the 95 % level
     * is 15. On hand 8 − reserved 2 + on order 0 = 6: 9 short, below the minimum of 12, one case of 12.
     */
    @Test
    void theLevelIsTheServiceQuantileOfCoverDemandAndTheOrderWholeCases() {
        OrderUpToLevel level = OrderUpToLevel.of(NegativeBinomial.poisson(10), DC, 8, 2, 0);

        assertThat(level.level()).isEqualTo(15);
        assertThat(level.quantity()).isEqualTo(12);
        assertThat(level.reason()).isEqualTo("order up to 15 = the 95 % quantile of 14 days' demand (mean 10.0); "
                + "position 6 = on hand 8 − reserved 2 + on order 0; 9 short, minimum 12, packs of 12 → 12. "
                + "DC: domestic supplier, 7 days, cases of 12");
    }

    /** What is on order counts: 6 on hand and 12 on order reach the level of 15, nothing more is ordered. */
    @Test
    void supplyOnOrderCounts() {
        OrderUpToLevel level = OrderUpToLevel.of(NegativeBinomial.poisson(10), DC, 6, 0, 12);

        assertThat(level.quantity()).isZero();
    }

    /**
     * 100 units forecast: X 70 (0 % covered before it: A), Y 15 (70 % before: A, it crosses 80 %), Z 10 (85 %: B),
     * W 5 (95 %: C); V without demand: C.
     */
    @Test
    void abcClassesByShareOfTheNodesForecastUnits() {
        assertThat(AbcClasses.of(Map.of("X", 70.0, "Y", 15.0, "Z", 10.0, "W", 5.0, "V", 0.0)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("X", "A", "Y", "A", "Z", "B", "W", "C", "V", "C"));
        assertThat(AbcClasses.of(Map.of("X", 0.0))).containsExactlyEntriesOf(Map.of("X", "C"));
    }
}
