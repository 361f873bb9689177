package io.maestro.workers.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodSelectorTest {

    private final MethodSelector selector = new MethodSelector(
            List.of(new SimpleExponentialSmoothing(0.1), TunedMethod.holt()), LeadTimeModel.NEGATIVE_BINOMIAL, 6, 2);

    @Test
    void aTrendingSeriesPicksTheTrendMethod() {
        double[] history = new double[24];
        for (int t = 0; t < history.length; t++) {
            history[t] = 2 * t;
        }
        SeriesForecast forecast = selector.forecast(history, 3);
        assertThat(forecast.method()).isEqualTo("HOLT");
        assertThat(forecast.backtest()).containsOnlyKeys("SES", "HOLT");
        assertThat(forecast.backtestError()).isLessThan(forecast.backtest().get("SES"));
        assertThat(forecast.ahead()).hasSize(3);
        assertThat(forecast.ahead()[0]).isGreaterThan(44);
        assertThat(forecast.parameters()).containsKeys("alpha", "beta", "phi");
        assertThat(forecast.leadTime().mean()).isGreaterThan(forecast.ahead()[0] + forecast.ahead()[1] - 1);
    }

    @Test
    void aFlatNoisySeriesKeepsTheLevel() {
        double[] history = {3, 5, 4, 3, 5, 4, 3, 5, 4, 3, 5, 4, 3, 5, 4, 3, 5, 4};
        assertThat(selector.forecast(history, 1).method()).isEqualTo("SES");
    }

    @Test
    void aShortHistoryTakesTheFirstCandidateUnbacktested() {
        SeriesForecast forecast = selector.forecast(new double[] {1, 0, 2}, 1);
        Map<String, Double> backtest = forecast.backtest();
        assertThat(backtest).isEmpty();
        assertThat(forecast.method()).isEqualTo("SES");
        assertThat(forecast.backtestError()).isNaN();
    }
}
