package io.maestro.workers.forecast;

/** A point-forecasting method for one series of non-negative demand per bucket (day, week, month). */
public interface ForecastMethod {

    /** Short name shown per series: {@code NAIVE}, {@code SES}, {@code HOLT}, {@code HOLT_WINTERS}, … */
    String name();

    /**
     * Fits the method to the history and forecasts the next {@code horizon} buckets.
     *
     * @param history demand per bucket, oldest first, at least one bucket
     */
    Fit fit(double[] history, int horizon);
}
