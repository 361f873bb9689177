package io.maestro.workers.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The global model's parts against values worked out by hand on tiny data. */
class GlobalQuantileModelTest {

    private static final QuantileForest.Parameters ONE_TREE = new QuantileForest.Parameters(1, 2, 1, 1, 8, 1);

    @Test
    void featuresOfAShortSeries() {
        double[] f = DemandFeatures.of(new double[] {0, 2, 0, 0, 3});

        assertThat(f).hasSize(DemandFeatures.NAMES.size());
        assertThat(Arrays.copyOf(f, 10)).containsExactly(3, 3, 3, 5, 5, 5, 0, 4, 2, 2);
        // SES from the first month's 0: α 0.1 → 0.2, 0.18, 0.162, 0.162 + 0.1 × 2.838
        assertThat(f[10]).isCloseTo(0.2357375, within(1e-12));
        assertThat(f[11]).isCloseTo(0.4458, within(1e-12));
        assertThat(f[12]).isCloseTo(0.8048, within(1e-12));
        assertThat(f[13]).isCloseTo(1.3728, within(1e-12));
        assertThat(f[14]).isEqualTo(3);
        assertThat(f[15]).isEqualTo(2.5);
    }

    @Test
    void featuresOfANeverDemandedSeries() {
        assertThat(DemandFeatures.of(new double[] {0, 0, 0}))
                .containsExactly(0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aForestDistributionWeighsEachTreeTheSame() {
        ForestDistribution d = new ForestDistribution(List.of(new double[] {1, 2, 3, 4}, new double[] {0, 0, 10}));

        assertThat(d.cdf(0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(d.cdf(2)).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-12));
        assertThat(d.cdf(9)).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        assertThat(d.quantiles(0.3, 1.0 / 3, 0.5, 0.8, 0.9, 1)).containsExactly(0, 0, 2, 4, 10, 10);
        assertThat(d.mean()).isCloseTo((2.5 + 10.0 / 3) / 2, within(1e-12));
    }

    @Test
    void thresholdsAreTheFeaturesQuantilesBelowItsLargestValue() {
        double[][] x = {{0}, {1}, {2}, {3}, {10}, {11}, {12}, {13}};
        double[] edges = QuantileForest.edges(x, 0, 8);

        assertThat(edges).containsExactly(1, 2, 3, 10, 11, 12);
        assertThat(QuantileForest.bin(edges, 0)).isZero();
        assertThat(QuantileForest.bin(edges, 1)).isZero();
        assertThat(QuantileForest.bin(edges, 1.5)).isEqualTo(1);
        assertThat(QuantileForest.bin(edges, 13)).isEqualTo(6);
    }

    @Test
    void aTreeSplitsWhereTheLogOfDemandChangesMostAndStopsAtTheLeafSize() {
        double[][] x = {{0}, {1}, {2}, {3}, {10}, {11}, {12}, {13}};
        double[] y = {0, 0, 0, 0, 5, 5, 6, 6};
        QuantileForest forest = QuantileForest.train(x, new double[][] {y, y}, ONE_TREE);

        // root: x ≤ 3 (zeros) | x > 3; right: x ≤ 11 (5, 5) | x > 11 (6, 6); the zeros cannot split further
        assertThat(forest.distribution(new double[] {3}, 0).quantile(0.99)).isZero();
        assertThat(forest.distribution(new double[] {3.5}, 0).quantiles(0.01, 1)).containsExactly(5, 5);
        assertThat(forest.distribution(new double[] {11}, 1).mean()).isEqualTo(5);
        assertThat(forest.distribution(new double[] {11.5}, 0).quantiles(0.01, 1)).containsExactly(6, 6);
        assertThat(forest.distribution(new double[] {100}, 0).mean()).isEqualTo(6);
    }

    @Test
    void theGlobalModelLearnsOnEverySeriesAndOriginWhoseLeadTimeIsSeen() {
        // origins 1 and 2 of each series: [1, 2, 3, 4] → 2-month sums 5, 7 (next month 2, 3); zeros → 0, 0
        GlobalQuantileModel model = GlobalQuantileModel.learn(List.of(new double[] {1, 2, 3, 4}, new double[4]), 2, 1,
                new QuantileForest.Parameters(1, 10, 1, 1, 8, 1));

        assertThat(model.rows()).isEqualTo(4);
        ForestDistribution lead = model.overLead(new double[] {9});
        assertThat(lead.quantiles(0.5, 0.75, 1)).containsExactly(0, 5, 7);
        assertThat(lead.mean()).isEqualTo(3);
        assertThat(model.next(new double[] {9}).mean()).isEqualTo(1.25);
    }
}
