package io.maestro.workers.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.forecast.EmpiricalDistribution;
import io.maestro.workers.forecast.NegativeBinomial;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureDistributionTest {

    @Test
    void equalPartsOfAForestAndAPoisson() {
        // forest: 0, 0, 4, 6 equally likely; Poisson(1): P(≤ 0) = e^-1, P(≤ 1) = 2e^-1, P(≤ 2) = 2.5e^-1, …
        ForestDistribution forest = new ForestDistribution(List.of(new double[] {0, 0, 4, 6}));
        MixtureDistribution mixture = new MixtureDistribution(forest, NegativeBinomial.poisson(1));
        double e = Math.exp(-1);

        assertThat(mixture.mean()).isCloseTo((2.5 + 1) / 2, within(1e-12));
        assertThat(mixture.cdf(0)).isCloseTo((0.5 + e) / 2, within(1e-12));
        assertThat(mixture.cdf(1)).isCloseTo((0.5 + 2 * e) / 2, within(1e-12));
        // 0.434 at 0, 0.618 at 1, 0.710 at 2, 0.740 at 3, 0.873 at 4 and 5, 0.99998 at 6
        assertThat(mixture.quantiles(0.4, 0.5, 0.7, 0.8, 0.9, 0.99)).containsExactly(0, 1, 2, 4, 6, 6);
    }

    @Test
    void aMixtureMixesOnAndNeedsDistributionFunctions() {
        ForestDistribution zeros = new ForestDistribution(List.of(new double[] {0}));
        ForestDistribution tens = new ForestDistribution(List.of(new double[] {10}));
        MixtureDistribution half = new MixtureDistribution(zeros, tens);
        MixtureDistribution quarter = new MixtureDistribution(half, tens);

        assertThat(quarter.cdf(9)).isEqualTo(0.25);
        assertThat(quarter.quantiles(0.25, 0.26)).containsExactly(0, 10);
        assertThatThrownBy(() -> new MixtureDistribution(zeros, new EmpiricalDistribution(new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
