package io.maestro.workers.forecast;

import java.util.Map;

/**
 * TSB (Teunter–Syntetos–Babai): the probability of demand in a bucket is smoothed every bucket by {@code beta},
 * the size of a demand only when one occurs by {@code alpha}; forecast = probability × size, so it decays while
 * no demand comes (obsolescence). Starts at the first non-zero bucket (size = it, probability = 1 ÷ its
 * position counted from 1); before any demand it forecasts zero.
 */
public final class Tsb implements ForecastMethod {

    private final double alpha;
    private final double beta;

    public Tsb(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    @Override
    public String name() {
        return "TSB";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        double[] inSample = Fit.unknown(history.length);
        double size = 0;
        double probability = -1;
        for (int t = 0; t < history.length; t++) {
            boolean demand = history[t] > 0;
            if (probability >= 0) {
                inSample[t] = probability * size;
                probability += beta * ((demand ? 1 : 0) - probability);
                if (demand) {
                    size += alpha * (history[t] - size);
                }
            } else if (demand) {
                size = history[t];
                probability = 1.0 / (t + 1);
            }
        }
        double forecast = probability >= 0 ? probability * size : 0;
        return new Fit(name(), Map.of("alpha", alpha, "beta", beta), inSample, Fit.flat(forecast, horizon));
    }
}
