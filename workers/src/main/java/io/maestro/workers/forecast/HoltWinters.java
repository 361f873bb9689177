package io.maestro.workers.forecast;

import java.util.Map;

/**
 * Additive Holt-Winters (ETS A,A,A) with a season of {@code season} buckets; needs two full seasons of history
 * (with less it forecasts as Holt would with the same level and trend constants). Starts: level = mean of the
 * first season, trend = (mean of the second season − mean of the first) ÷ season, seasonal index = first
 * season's bucket − starting level.
 */
public final class HoltWinters implements ForecastMethod {

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final int season;

    public HoltWinters(double alpha, double beta, double gamma, int season) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.season = season;
    }

    /** Whether the history is long enough for the seasonal model. */
    public static boolean fits(int historyLength, int season) {
        return season > 1 && historyLength >= 2 * season;
    }

    @Override
    public String name() {
        return "HOLT_WINTERS";
    }

    @Override
    public Fit fit(double[] history, int horizon) {
        if (!fits(history.length, season)) {
            return new Holt(alpha, beta, 1).fit(history, horizon);
        }
        Map<String, Double> parameters = Map.of("alpha", alpha, "beta", beta, "gamma", gamma,
                "season", (double) season);
        double first = mean(history, 0);
        double second = mean(history, season);
        double level = first;
        double trend = (second - first) / season;
        double[] seasonal = new double[history.length + horizon];
        for (int i = 0; i < season; i++) {
            seasonal[i] = history[i] - first;
        }
        double[] inSample = Fit.unknown(history.length);
        for (int t = season; t < history.length; t++) {
            double index = seasonal[t - season];
            inSample[t] = Math.max(0, level + trend + index);
            double previous = level;
            level = alpha * (history[t] - index) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            seasonal[t] = gamma * (history[t] - level) + (1 - gamma) * index;
        }
        double[] ahead = new double[horizon];
        int n = history.length;
        for (int h = 1; h <= horizon; h++) {
            ahead[h - 1] = level + h * trend + seasonal[n - season + (h - 1) % season];
        }
        return new Fit(name(), parameters, inSample, ahead);
    }

    private double mean(double[] history, int from) {
        double sum = 0;
        for (int i = from; i < from + season; i++) {
            sum += history[i];
        }
        return sum / season;
    }
}
