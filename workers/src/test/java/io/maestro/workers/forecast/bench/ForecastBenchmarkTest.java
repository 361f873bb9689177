package io.maestro.workers.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
}
