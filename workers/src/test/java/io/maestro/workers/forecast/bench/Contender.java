package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.DemandDistribution;
import io.maestro.workers.forecast.Fit;
import io.maestro.workers.forecast.ForecastMethod;
import io.maestro.workers.forecast.LeadTimeModel;
import io.maestro.workers.forecast.LifeCycle;
import io.maestro.workers.forecast.MethodSelector;
import java.util.Arrays;
import java.util.List;

/** A forecasting method with its lead-time demand model, as the benchmark runs it. */
record Contender(String name, boolean baseline, List<ForecastMethod> methods, LeadTimeModel model,
                 int origins, int lifeCycleHorizon, boolean calibrated, QuantileForest.Parameters forest) {

    /** The first origin of the rolling origins a life-cycle correction is learned on (a year of history). */
    static final int LIFE_CYCLE_FIRST_ORIGIN = 12;
    /** The first origin a global model learns on (half a year of history). */
    static final int GLOBAL_FIRST_ORIGIN = 6;

    static Contender single(String name, boolean baseline, ForecastMethod method, LeadTimeModel model) {
        return new Contender(name, baseline, List.of(method), model, 0, 0, false, null);
    }

    static Contender selected(String name, List<ForecastMethod> candidates, LeadTimeModel model, int origins) {
        return new Contender(name, false, candidates, model, origins, 0, false, null);
    }

    /** The method corrected by a {@link LifeCycle} learned across all series on the months seen so far. */
    static Contender lifeCycle(String name, ForecastMethod method, LeadTimeModel model, int horizon) {
        return new Contender(name, false, List.of(method), model, 0, horizon, false, null);
    }

    /**
     * A {@link GlobalQuantileModel} learned across all series on the months before the origin: its quantiles of
     * 2-month demand are the levels, its 1-month distribution the accuracy's forecast.
     */
    static Contender global(String name, QuantileForest.Parameters forest) {
        return new Contender(name, false, List.of(), null, 0, 0, false, forest);
    }

    /** The global model this contender forecasts with, learned on every series' months before {@code origin}. */
    GlobalQuantileModel globalAt(List<double[]> series, int origin, int leadBuckets) {
        if (forest == null) {
            return null;
        }
        List<double[]> seen = series.stream().map(values -> Arrays.copyOf(values, origin)).toList();
        return GlobalQuantileModel.learn(seen, leadBuckets, GLOBAL_FIRST_ORIGIN, forest);
    }

    /** The same contender, its quantile level per target calibrated on the last fitting months (the benchmark). */
    Contender calibrate() {
        return new Contender(name, baseline, methods, model, origins, lifeCycleHorizon, true, forest);
    }

    /** The correction this contender applies at an origin, learned on every series' months before it. */
    LifeCycle lifeCycleAt(List<double[]> series, int origin) {
        if (lifeCycleHorizon == 0) {
            return LifeCycle.none();
        }
        List<double[]> seen = series.stream().map(values -> Arrays.copyOf(values, origin)).toList();
        return LifeCycle.learn(seen, methods.get(0), lifeCycleHorizon, LIFE_CYCLE_FIRST_ORIGIN);
    }

    /** The forecast from this history: mean per month ahead and the distributions of 1- and 2-month demand. */
    Prediction predict(double[] history, int horizon, int leadBuckets, LifeCycle lifeCycle, GlobalQuantileModel global) {
        if (global != null) {
            DemandDistribution month = global.next(history);
            double[] ahead = new double[horizon];
            Arrays.fill(ahead, month.mean());
            return new Prediction("GLOBAL", ahead, month, global.overLead(history));
        }
        ForecastMethod method = lifeCycleHorizon == 0 ? methods.get(0) : lifeCycle.adjust(methods.get(0));
        if (methods.size() > 1) {
            MethodSelector selector = new MethodSelector(methods, model, origins, leadBuckets);
            method = selector.choose(selector.backtest(history));
        }
        Fit fit = method.fit(history, horizon);
        return new Prediction(method.name(), fit.ahead(), model.over(history, fit, 1),
                model.over(history, fit, leadBuckets));
    }

    record Prediction(String method, double[] ahead, DemandDistribution month, DemandDistribution leadTime) {
    }
}
