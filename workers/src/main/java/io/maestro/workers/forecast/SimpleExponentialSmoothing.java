package io.maestro.workers.forecast;

import java.util.Map;

/** SES: a level that moves by {@code alpha} of each error, started at the first bucket. */
public final class SimpleExponentialSmoothing implements ForecastMethod {

    private final double alpha;

    public SimpleExponentialSmoothing(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "SES";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        double[] inSample = Fit.unknown(history.length);
        double level = history[0];
        for (int t = 1; t < history.length; t++) {
            inSample[t] = level;
            level += alpha * (history[t] - level);
        }
        return new Fit(name(), Map.of("alpha", alpha), inSample, Fit.flat(level, horizon));
    }
}
