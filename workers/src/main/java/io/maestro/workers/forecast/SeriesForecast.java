package io.maestro.workers.forecast;

import java.util.Map;

/**
 * The forecast of one series by the method its backtest chose.
 *
 * @param method       the chosen method
 * @param parameters   its fitted constants
 * @param backtest     each candidate's backtest loss (mean pinball loss of its lead-time demand quantiles over
 *                     the rolling origins), by method; the chosen one has the least
 * @param ahead        mean demand per bucket ahead
 * @param leadTime     distribution of demand over the lead-time buckets
 */
public record SeriesForecast(String method, Map<String, Double> parameters, Map<String, Double> backtest,
                             double[] ahead, DemandDistribution leadTime) {

    public SeriesForecast {
        parameters = Map.copyOf(parameters);
        backtest = Map.copyOf(backtest);
    }

    /** The chosen method's backtest loss ({@code NaN} when the history was too short to backtest). */
    public double backtestError() {
        return backtest.getOrDefault(method, Double.NaN);
    }
}
