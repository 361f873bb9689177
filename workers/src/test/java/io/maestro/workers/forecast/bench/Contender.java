package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.DemandDistribution;
import io.maestro.workers.forecast.Fit;
import io.maestro.workers.forecast.ForecastMethod;
import io.maestro.workers.forecast.LeadTimeModel;
import io.maestro.workers.forecast.LifeCycle;
import io.maestro.workers.forecast.MethodSelector;
import java.util.Arrays;
import java.util.List;

/**
 * A forecasting method with its lead-time demand model, as the benchmark runs it: at each origin it is learned on
 * every series' months before the origin ({@link #at}), then forecasts each series from its history.
 */
record Contender(String name, boolean baseline, boolean calibrated, Learner learner) {

    /** The first origin of the rolling origins a life-cycle correction is learned on (a year of history). */
    static final int LIFE_CYCLE_FIRST_ORIGIN = 12;
    /** The first origin a global model learns on (half a year of history). */
    static final int GLOBAL_FIRST_ORIGIN = 6;

    /** What a contender learns across series at one origin. */
    @FunctionalInterface
    interface Learner {
        Forecaster learn(List<double[]> seen, int leadBuckets);
    }

    /** A contender as learned at one origin: the forecast of one series from its history. */
    @FunctionalInterface
    interface Forecaster {
        Prediction predict(double[] history, int horizon, int leadBuckets);
    }

    static Contender single(String name, boolean baseline, ForecastMethod method, LeadTimeModel model) {
        return new Contender(name, baseline, false, (seen, leadBuckets) -> fitted(method, model));
    }

    static Contender selected(String name, List<ForecastMethod> candidates, LeadTimeModel model, int origins) {
        return new Contender(name, false, false, (seen, leadBuckets) -> (history, horizon, lead) -> {
            MethodSelector selector = new MethodSelector(candidates, model, origins, lead);
            return fitted(selector.choose(selector.backtest(history)), model).predict(history, horizon, lead);
        });
    }

    /** The method corrected by a {@link LifeCycle} learned across all series on the months seen so far. */
    static Contender lifeCycle(String name, ForecastMethod method, LeadTimeModel model, int horizon) {
        return new Contender(name, false, false, (seen, leadBuckets) ->
                fitted(LifeCycle.learn(seen, method, horizon, LIFE_CYCLE_FIRST_ORIGIN).adjust(method), model));
    }

    /**
     * A {@link GlobalQuantileModel} learned across all series on the months before the origin: its quantiles of
     * 2-month demand are the levels, its 1-month distribution the accuracy's forecast.
     */
    static Contender global(String name, QuantileForest.Parameters forest) {
        return new Contender(name, false, false, (seen, leadBuckets) -> {
            GlobalQuantileModel global = GlobalQuantileModel.learn(seen, leadBuckets, GLOBAL_FIRST_ORIGIN, forest);
            return (history, horizon, lead) -> {
                DemandDistribution month = global.next(history);
                double[] ahead = new double[horizon];
                Arrays.fill(ahead, month.mean());
                return new Prediction("GLOBAL", ahead, month, global.overLead(history));
            };
        });
    }

    /**
     * Two contenders learned at the same origins, their distributions of 1- and 2-month demand mixed in equal parts
     * ({@link MixtureDistribution}) and their means averaged.
     */
    static Contender mixture(String name, Contender first, Contender second) {
        return new Contender(name, false, false, (seen, leadBuckets) -> {
            Forecaster a = first.learner().learn(seen, leadBuckets);
            Forecaster b = second.learner().learn(seen, leadBuckets);
            return (history, horizon, lead) -> {
                Prediction pa = a.predict(history, horizon, lead);
                Prediction pb = b.predict(history, horizon, lead);
                double[] ahead = new double[horizon];
                for (int i = 0; i < horizon; i++) {
                    ahead[i] = (pa.ahead()[i] + pb.ahead()[i]) / 2;
                }
                return new Prediction(name, ahead, new MixtureDistribution(pa.month(), pb.month()),
                        new MixtureDistribution(pa.leadTime(), pb.leadTime()));
            };
        });
    }

    /**
     * The same contender under another name, its quantile level per target calibrated on the last fitting months
     * ({@link ForecastBenchmark#calibratedLevels}).
     */
    Contender calibrate(String calibratedName) {
        return new Contender(calibratedName, baseline, true, learner);
    }

    /** This contender learned on every series' months before {@code origin}. */
    Forecaster at(List<double[]> series, int origin, int leadBuckets) {
        return learner.learn(series.stream().map(values -> Arrays.copyOf(values, origin)).toList(), leadBuckets);
    }

    private static Forecaster fitted(ForecastMethod method, LeadTimeModel model) {
        return (history, horizon, leadBuckets) -> {
            Fit fit = method.fit(history, horizon);
            return new Prediction(method.name(), fit.ahead(), model.over(history, fit, 1),
                    model.over(history, fit, leadBuckets));
        };
    }

    /** The forecast from a history: mean per month ahead and the distributions of 1- and 2-month demand. */
    record Prediction(String method, double[] ahead, DemandDistribution month, DemandDistribution leadTime) {
    }
}
