package io.maestro.workers.forecast;

import java.util.Arrays;
import java.util.Map;

/**
 * A method fitted to one series.
 *
 * @param method     the method's name
 * @param parameters its smoothing constants (and season length), by name
 * @param inSample   the one-step-ahead forecast the method made for each bucket of the history before seeing it
 *                   ({@code NaN} while it could not forecast yet)
 * @param ahead      the mean forecast for each bucket after the history, never negative
 */
public record Fit(String method, Map<String, Double> parameters, double[] inSample, double[] ahead) {

    public Fit {
        parameters = Map.copyOf(parameters);
        ahead = Arrays.stream(ahead).map(value -> Math.max(0, value)).toArray();
    }

    /** Mean demand over the first {@code buckets} buckets ahead (the last one repeated beyond the horizon). */
    public double meanOver(int buckets) {
        double sum = 0;
        for (int i = 0; i < buckets; i++) {
            sum += ahead[Math.min(i, ahead.length - 1)];
        }
        return sum;
    }

    /** Mean squared one-step error over the buckets the method forecast in-sample. */
    public double inSampleMse(double[] history) {
        double sum = 0;
        int count = 0;
        for (int t = 0; t < history.length; t++) {
            if (!Double.isNaN(inSample[t])) {
                double error = history[t] - inSample[t];
                sum += error * error;
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }

    static double[] flat(double value, int horizon) {
        double[] ahead = new double[horizon];
        Arrays.fill(ahead, value);
        return ahead;
    }

    static double[] unknown(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
