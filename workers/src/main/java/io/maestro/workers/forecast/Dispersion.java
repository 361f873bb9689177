package io.maestro.workers.forecast;

/**
 * Variance-to-mean ratio of a series' demand over {@code buckets}-bucket windows around a method's forecast:
 * Σ (window sum − buckets × forecast at the window's start)² ÷ Σ buckets × forecast, over every window the method
 * forecast in-sample; at least 1 (Poisson).
 */
public final class Dispersion {

    private Dispersion() {
    }

    public static double of(double[] history, Fit fit, int buckets) {
        double squares = 0;
        double means = 0;
        for (int t = 0; t + buckets <= history.length; t++) {
            double forecast = fit.inSample()[t];
            if (Double.isNaN(forecast)) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < buckets; j++) {
                sum += history[t + j];
            }
            double error = sum - buckets * forecast;
            squares += error * error;
            means += buckets * forecast;
        }
        return means <= 0 ? 1 : Math.max(1, squares / means);
    }
}
