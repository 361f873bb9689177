package io.maestro.workers.forecast;

import java.util.Map;

/**
 * Holt's linear trend (ETS A,Ad,N), damped by {@code phi} (1: undamped). Level starts at the first bucket, trend
 * at the step from the first to the second.
 */
public final class Holt implements ForecastMethod {

    private final double alpha;
    private final double beta;
    private final double phi;

    public Holt(double alpha, double beta, double phi) {
        this.alpha = alpha;
        this.beta = beta;
        this.phi = phi;
    }

    @Override
    public String name() {
        return "HOLT";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        Map<String, Double> parameters = Map.of("alpha", alpha, "beta", beta, "phi", phi);
        double[] inSample = Fit.unknown(history.length);
        if (history.length < 3) {
            return new Fit(name(), parameters, inSample, Fit.flat(history[history.length - 1], horizon));
        }
        double level = history[0];
        double trend = history[1] - history[0];
        for (int t = 1; t < history.length; t++) {
            double forecast = level + phi * trend;
            if (t >= 2) {
                inSample[t] = Math.max(0, forecast);
            }
            double previous = level;
            level = alpha * history[t] + (1 - alpha) * forecast;
            trend = beta * (level - previous) + (1 - beta) * phi * trend;
        }
        double[] ahead = new double[horizon];
        double damped = 0;
        double power = 1;
        for (int h = 0; h < horizon; h++) {
            power *= phi;
            damped += power;
            ahead[h] = level + damped * trend;
        }
        return new Fit(name(), parameters, inSample, ahead);
    }
}
