package io.maestro.workers.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Each method against values worked out by hand on a short series (the steps are in the comments). */
class ForecastMethodsTest {

    private static final double[] INTERMITTENT = {0, 2, 0, 0, 4, 1};
    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void naiveRepeatsTheLastBucket() {
        Fit fit = new Naive().fit(INTERMITTENT, 3);
        assertThat(fit.ahead()).containsExactly(1, 1, 1);
        assertThat(fit.inSample()[0]).isNaN();
        assertThat(fit.inSample()[5]).isEqualTo(4);
    }

    @Test
    void sesMovesHalfWayToEachBucket() {
        // level 0 → 1 → 0.5 → 0.25 → 2.125 → 1.5625
        Fit fit = new SimpleExponentialSmoothing(0.5).fit(INTERMITTENT, 2);
        assertThat(fit.inSample()).containsExactly(new double[] {Double.NaN, 0, 1, 0.5, 0.25, 2.125}, EXACT);
        assertThat(fit.ahead()).containsExactly(new double[] {1.5625, 1.5625}, EXACT);
        assertThat(fit.parameters()).containsEntry("alpha", 0.5);
    }

    @Test
    void crostonSmoothsSizesAndIntervalsApart() {
        // first demand at bucket 2 (counted from 1): size 2, interval 2; then 4 after 3 buckets: size 3,
        // interval 2.5 (forecast 1.2); then 1 after 1 bucket: size 2, interval 1.75
        Fit fit = Croston.classic(0.5).fit(INTERMITTENT, 1);
        assertThat(fit.inSample()).containsExactly(new double[] {Double.NaN, Double.NaN, 1, 1, 1, 1.2}, EXACT);
        assertThat(fit.ahead()[0]).isCloseTo(2 / 1.75, EXACT);
    }

    @Test
    void sbaTakesOffHalfOfAlpha() {
        Fit fit = Croston.sba(0.5).fit(INTERMITTENT, 1);
        assertThat(fit.method()).isEqualTo("SBA");
        assertThat(fit.ahead()[0]).isCloseTo(0.75 * 2 / 1.75, EXACT);
        assertThat(fit.inSample()[5]).isCloseTo(0.75 * 1.2, EXACT);
    }

    @Test
    void tsbDecaysTheProbabilityWhileNoDemandComes() {
        // start at bucket 2: size 2, probability 1/2; probability 0.375, 0.28125, 0.4609375 (demand, size 3),
        // 0.595703125 (demand, size 2)
        Fit fit = new Tsb(0.5, 0.25).fit(INTERMITTENT, 1);
        assertThat(fit.inSample())
                .containsExactly(new double[] {Double.NaN, Double.NaN, 1, 0.75, 0.5625, 1.3828125}, EXACT);
        assertThat(fit.ahead()[0]).isCloseTo(1.19140625, EXACT);
    }

    @Test
    void intermittentMethodsForecastZeroBeforeAnyDemand() {
        double[] none = {0, 0, 0};
        assertThat(Croston.classic(0.1).fit(none, 1).ahead()).containsExactly(0);
        assertThat(new Tsb(0.1, 0.1).fit(none, 1).ahead()).containsExactly(0);
    }

    @Test
    void holtFollowsTheTrend() {
        // level 1, trend 2; → level 3, trend 2 → level 4.5, trend 1.75 → level 6.125, trend 1.6875
        Fit fit = new Holt(0.5, 0.5, 1).fit(new double[] {1, 3, 4, 6}, 2);
        assertThat(fit.inSample()).containsExactly(new double[] {Double.NaN, Double.NaN, 5, 6.25}, EXACT);
        assertThat(fit.ahead()).containsExactly(new double[] {7.8125, 9.5}, EXACT);
    }

    @Test
    void dampedHoltFlattensTheTrend() {
        Fit fit = new Holt(0.5, 0.5, 0.5).fit(new double[] {1, 3, 4, 6}, 3);
        assertThat(fit.ahead()[2] - fit.ahead()[1]).isLessThan(fit.ahead()[1] - fit.ahead()[0]);
    }

    @Test
    void holtWintersAddsTheSeasonalIndex() {
        // season 2: level 2, trend 0.5, indices −1, 1; the steps are in HoltWinters' equations
        Fit fit = new HoltWinters(0.5, 0.5, 0.5, 2).fit(new double[] {1, 3, 2, 4, 3, 6}, 2);
        assertThat(fit.inSample())
                .containsExactly(new double[] {Double.NaN, Double.NaN, 1.5, 4.375, 2.84375, 5.2734375}, EXACT);
        assertThat(fit.ahead()).containsExactly(new double[] {4.646484375, 7.322265625}, EXACT);
        assertThat(fit.parameters()).containsEntry("season", 2.0);
    }

    @Test
    void holtWintersWithoutTwoSeasonsIsHolt() {
        Fit fit = new HoltWinters(0.5, 0.5, 0.5, 12).fit(new double[] {1, 3, 4, 6}, 2);
        assertThat(fit.method()).isEqualTo("HOLT");
        assertThat(fit.ahead()).containsExactly(new double[] {7.8125, 9.5}, EXACT);
    }

    @Test
    void forecastsAreNeverNegative() {
        // level 1.5, trend −2.5 after the last bucket: 1.5 − 2.5 h below zero from the first bucket ahead
        Fit fit = new Holt(0.5, 0.5, 1).fit(new double[] {9, 6, 3, 1}, 3);
        assertThat(fit.ahead()).containsExactly(0, 0, 0);
    }

    @Test
    void tuningKeepsTheConstantWithTheLeastInSampleError() {
        Fit fit = TunedMethod.ses().fit(new double[] {0, 0, 0, 10, 10, 10, 10, 10}, 1);
        assertThat(fit.parameters()).containsEntry("alpha", 0.7);
        Fit steady = TunedMethod.ses().fit(new double[] {5, 4, 6, 4, 6, 4, 6, 4, 6}, 1);
        assertThat(steady.parameters()).containsEntry("alpha", 0.05);
    }
}
