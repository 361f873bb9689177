package io.maestro.workers.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** One method over a grid of smoothing constants: each fit keeps the constants with the least in-sample MSE. */
public final class TunedMethod implements ForecastMethod {

    static final double[] GRID = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};

    private final String name;
    private final List<ForecastMethod> candidates;

    public TunedMethod(String name, List<ForecastMethod> candidates) {
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    public static TunedMethod ses() {
        return over("SES", SimpleExponentialSmoothing::new);
    }

    public static TunedMethod tsb() {
        List<ForecastMethod> candidates = new ArrayList<>();
        for (double alpha : GRID) {
            for (double beta : GRID) {
                candidates.add(new Tsb(alpha, beta));
            }
        }
        return new TunedMethod("TSB", candidates);
    }

    public static TunedMethod holt() {
        List<ForecastMethod> candidates = new ArrayList<>();
        for (double alpha : new double[] {0.1, 0.3, 0.5}) {
            for (double beta : new double[] {0.05, 0.1, 0.2}) {
                candidates.add(new Holt(alpha, beta, 0.9));
            }
        }
        return new TunedMethod("HOLT", candidates);
    }

    public static TunedMethod holtWinters(int season) {
        List<ForecastMethod> candidates = new ArrayList<>();
        for (double alpha : new double[] {0.1, 0.3, 0.5}) {
            for (double beta : new double[] {0.05, 0.2}) {
                for (double gamma : new double[] {0.1, 0.3}) {
                    candidates.add(new HoltWinters(alpha, beta, gamma, season));
                }
            }
        }
        return new TunedMethod("HOLT_WINTERS", candidates);
    }

    private static TunedMethod over(String name, DoubleFunction<ForecastMethod> method) {
        List<ForecastMethod> candidates = new ArrayList<>();
        for (double alpha : GRID) {
            candidates.add(method.apply(alpha));
        }
        return new TunedMethod(name, candidates);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        Fit best = null;
        double bestMse = Double.POSITIVE_INFINITY;
        for (ForecastMethod candidate : candidates) {
            Fit fit = candidate.fit(history, horizon);
            double mse = fit.inSampleMse(history);
            if (best == null || mse < bestMse) {
                best = fit;
                bestMse = mse;
            }
        }
        return best;
    }
}
