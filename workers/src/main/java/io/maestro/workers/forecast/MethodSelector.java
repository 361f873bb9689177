package io.maestro.workers.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a method per series by a rolling-origin backtest: from each of the last {@code origins} origins, every
 * candidate is fitted to the history before it and its distribution of demand over the next {@code leadBuckets}
 * buckets is scored against what came, by the mean pinball loss over {@link #LEVELS} (a discrete stand-in for the
 * CRPS, so the spread counts as much as the mean). The candidate with the least loss forecasts the series; the
 * first candidate when the history is too short to backtest.
 */
public final class MethodSelector {

    /** Quantile levels of the backtest loss. */
    public static final double[] LEVELS = {0.5, 0.8, 0.9, 0.95, 0.99};

    private static final int MIN_TRAINING = 6;

    private final List<ForecastMethod> candidates;
    private final LeadTimeModel leadTimeModel;
    private final int origins;
    private final int leadBuckets;

    public MethodSelector(List<ForecastMethod> candidates, LeadTimeModel leadTimeModel, int origins,
                          int leadBuckets) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate methods");
        }
        this.candidates = List.copyOf(candidates);
        this.leadTimeModel = leadTimeModel;
        this.origins = origins;
        this.leadBuckets = leadBuckets;
    }

    /**
     * The candidates for intermittent retail demand: SES and SBA with the usual alpha 0.1 (SES first: it wins
     * when the history is too short to backtest), TSB and damped Holt tuned per series.
     */
    public static List<ForecastMethod> standardCandidates() {
        return List.of(new SimpleExponentialSmoothing(0.1), Croston.sba(0.1), TunedMethod.tsb(),
                TunedMethod.holt());
    }

    public SeriesForecast forecast(double[] history, int horizon) {
        Map<String, Double> losses = backtest(history);
        ForecastMethod chosen = choose(losses);
        Fit fit = chosen.fit(history, Math.max(horizon, leadBuckets));
        double[] ahead = Arrays.copyOf(fit.ahead(), horizon);
        return new SeriesForecast(chosen.name(), fit.parameters(), losses, ahead,
                leadTimeModel.over(history, fit, leadBuckets));
    }

    /** The candidate with the least backtest loss (the first one when nothing could be backtested). */
    public ForecastMethod choose(Map<String, Double> losses) {
        ForecastMethod chosen = candidates.get(0);
        double best = Double.POSITIVE_INFINITY;
        for (ForecastMethod candidate : candidates) {
            Double loss = losses.get(candidate.name());
            if (loss != null && loss < best) {
                best = loss;
                chosen = candidate;
            }
        }
        return chosen;
    }

    /** Each candidate's backtest loss, by name; empty when the history is too short. */
    public Map<String, Double> backtest(double[] history) {
        Map<String, Double> losses = new LinkedHashMap<>();
        int last = history.length - leadBuckets;
        int first = Math.max(MIN_TRAINING, last - origins + 1);
        if (first > last) {
            return losses;
        }
        for (ForecastMethod candidate : candidates) {
            double loss = 0;
            for (int origin = first; origin <= last; origin++) {
                double[] training = Arrays.copyOf(history, origin);
                DemandDistribution distribution =
                        leadTimeModel.over(training, candidate.fit(training, leadBuckets), leadBuckets);
                double actual = 0;
                for (int j = 0; j < leadBuckets; j++) {
                    actual += history[origin + j];
                }
                for (double level : LEVELS) {
                    loss += ErrorMeasures.pinball(level, actual, distribution.quantile(level));
                }
            }
            losses.put(candidate.name(), loss / ((last - first + 1) * LEVELS.length));
        }
        return losses;
    }
}
