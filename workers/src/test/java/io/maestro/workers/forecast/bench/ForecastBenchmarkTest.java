package io.maestro.workers.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastBenchmarkTest {

    @Test
    void theDataHoldsEveryCompleteSeries() {
        List<double[]> series = CarParts.completeSeries();
        assertThat(series).hasSize(2509);
        assertThat(series).allSatisfy(values -> assertThat(values).hasSize(51));
    }

    @Test
    void orderUpToServesFromStockAndBackordersTheRest() {
        // level 3: month 1 starts at the level (no order), serves 2, 1 left; month 2 orders 2, serves 1 of 5
        // (4 backordered); month 3 receives 2 (2 backordered), orders 5, serves nothing (3 backordered)
        OrderUpToSimulation.Outcome outcome =
                OrderUpToSimulation.run(new double[] {2, 5, 1}, new long[] {3, 3, 3});
        assertThat(outcome.demand()).isEqualTo(8);
        assertThat(outcome.served()).isEqualTo(3);
        assertThat(outcome.onHandMonths()).isEqualTo(1);
    }

    @Test
    void aCalibratedLevelIsInterpolatedBetweenTheSweepsLevelsThatEncloseTheTarget() {
        double[] levels = {0.5, 0.9, 0.99, 0.999};
        double[] fill = {0.6, 0.8, 0.9, 0.95};

        // 0.85 lies halfway between the fills of 0.9 and 0.99: 1 − exp((ln 0.1 + ln 0.01) / 2) = 1 − 0.1 ^ 1.5
        assertThat(ForecastBenchmark.levelFor(0.85, levels, fill)).isCloseTo(1 - Math.pow(0.1, 1.5), within(1e-12));
        assertThat(ForecastBenchmark.levelFor(0.9, levels, fill)).isCloseTo(0.99, within(1e-12));
        assertThat(ForecastBenchmark.levelFor(0.5, levels, fill)).isEqualTo(0.5);
        assertThat(ForecastBenchmark.levelFor(0.97, levels, fill)).isEqualTo(0.999);
    }
}
