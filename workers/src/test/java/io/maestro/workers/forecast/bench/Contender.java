package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.DemandDistribution;
import io.maestro.workers.forecast.Fit;
import io.maestro.workers.forecast.ForecastMethod;
import io.maestro.workers.forecast.LeadTimeModel;
import io.maestro.workers.forecast.MethodSelector;
import java.util.List;

/** A forecasting method with its lead-time demand model, as the benchmark runs it. */
record Contender(String name, boolean baseline, List<ForecastMethod> methods, LeadTimeModel model,
                 int origins) {

    static Contender single(String name, boolean baseline, ForecastMethod method, LeadTimeModel model) {
        return new Contender(name, baseline, List.of(method), model, 0);
    }

    static Contender selected(String name, List<ForecastMethod> candidates, LeadTimeModel model, int origins) {
        return new Contender(name, false, candidates, model, origins);
    }

    /** The forecast from this history: mean per month ahead and the distributions of 1- and 2-month demand. */
    Prediction predict(double[] history, int horizon, int leadBuckets) {
        ForecastMethod method = methods.get(0);
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
