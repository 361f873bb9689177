package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.SimpleExponentialSmoothing;
import java.util.List;

/**
 * What a global model knows of a series at the end of its history: demand over the last 1, 2, 3, 6, 12 and 24
 * buckets, buckets since the last demand (the history's length if none), age (buckets since the first demand, 0 if
 * none), how many buckets had demand (all, and of the last 12), SES levels at alpha 0.05, 0.1, 0.2 and 0.4, the last
 * non-zero demand and the mean non-zero demand (0 if none). Windows longer than the history cover all of it.
 */
public final class DemandFeatures {

    public static final List<String> NAMES = List.of("last1", "last2", "last3", "last6", "last12", "last24",
            "sinceLast", "age", "nonZero", "nonZero12", "ses05", "ses10", "ses20", "ses40", "lastSize", "meanSize");

    private static final int[] WINDOWS = {1, 2, 3, 6, 12, 24};
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.4};

    private DemandFeatures() {
    }

    public static double[] of(double[] history) {
        int n = history.length;
        double[] features = new double[NAMES.size()];
        for (int w = 0; w < WINDOWS.length; w++) {
            for (int t = Math.max(0, n - WINDOWS[w]); t < n; t++) {
                features[w] += history[t];
            }
        }
        int first = -1;
        int last = -1;
        int nonZero = 0;
        int nonZeroRecent = 0;
        double demanded = 0;
        for (int t = 0; t < n; t++) {
            if (history[t] > 0) {
                first = first < 0 ? t : first;
                last = t;
                nonZero++;
                nonZeroRecent += t >= n - 12 ? 1 : 0;
                demanded += history[t];
            }
        }
        features[6] = last < 0 ? n : n - 1 - last;
        features[7] = first < 0 ? 0 : n - first;
        features[8] = nonZero;
        features[9] = nonZeroRecent;
        for (int a = 0; a < ALPHAS.length; a++) {
            features[10 + a] = n == 0 ? 0 : new SimpleExponentialSmoothing(ALPHAS[a]).fit(history, 1).ahead()[0];
        }
        features[14] = last < 0 ? 0 : history[last];
        features[15] = nonZero == 0 ? 0 : demanded / nonZero;
        return features;
    }
}
