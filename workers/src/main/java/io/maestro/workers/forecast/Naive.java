package io.maestro.workers.forecast;

import java.util.Map;

/** Tomorrow as today: every bucket ahead is the last one seen. */
public final class Naive implements ForecastMethod {

    @Override
    public String name() {
        return "NAIVE";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        double[] inSample = Fit.unknown(history.length);
        for (int t = 1; t < history.length; t++) {
            inSample[t] = history[t - 1];
        }
        return new Fit(name(), Map.of(), inSample, Fit.flat(history[history.length - 1], horizon));
    }
}
