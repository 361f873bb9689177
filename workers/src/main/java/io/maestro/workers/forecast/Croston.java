package io.maestro.workers.forecast;

import java.util.Map;

/**
 * Croston's method for intermittent demand: sizes and intervals between non-zero buckets smoothed apart, both by
 * {@code alpha} and only when demand occurs; forecast = size ÷ interval. SBA (Syntetos–Boylan) multiplies by
 * (1 − alpha/2) to remove Croston's bias. Starts at the first non-zero bucket (size = it, interval = its
 * position counted from 1); before any demand it forecasts zero.
 */
public final class Croston implements ForecastMethod {

    private final double alpha;
    private final boolean sba;

    private Croston(double alpha, boolean sba) {
        this.alpha = alpha;
        this.sba = sba;
    }

    public static Croston classic(double alpha) {
        return new Croston(alpha, false);
    }

    public static Croston sba(double alpha) {
        return new Croston(alpha, true);
    }

    @Override
    public String name() {
        return sba ? "SBA" : "CROSTON";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        double[] inSample = Fit.unknown(history.length);
        double factor = sba ? 1 - alpha / 2 : 1;
        double size = 0;
        double interval = 0;
        int sinceDemand = 0;
        for (int t = 0; t < history.length; t++) {
            sinceDemand++;
            if (interval > 0) {
                inSample[t] = factor * size / interval;
            }
            if (history[t] > 0) {
                if (interval == 0) {
                    size = history[t];
                    interval = sinceDemand;
                } else {
                    size += alpha * (history[t] - size);
                    interval += alpha * (sinceDemand - interval);
                }
                sinceDemand = 0;
            }
        }
        double forecast = interval > 0 ? factor * size / interval : 0;
        return new Fit(name(), Map.of("alpha", alpha), inSample, Fit.flat(forecast, horizon));
    }
}
