package io.maestro.workers.forecast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A correction of a method's forecast for where an item stands in its life, pooled across many series: new items
 * still grow, items sold since the history began decline. Each series falls in an age class by the buckets since
 * its first demand ({@link #ageClass}); the class's multiplier is learned on rolling origins inside the histories
 * as Σ actual mean demand over the next {@code horizon} buckets ÷ Σ the method's forecast at the origin, over every
 * series and origin of the class (1 where the class was never seen or never forecast). Only the histories given
 * are used, so a multiplier learned on what was seen so far is fair to apply to the buckets after it.
 */
public final class LifeCycle {

    /** Age limits, in buckets since the first demand: classes 0 … 5 are below 3, 6, 12, 18, 24 and from 24 on. */
    static final int[] AGE_LIMITS = {3, 6, 12, 18, 24};
    /** A series whose first demand came in its first {@value #ESTABLISHED_WITHIN} buckets: sold before it began. */
    public static final int ESTABLISHED = AGE_LIMITS.length + 1;
    /** A series with no demand yet. */
    public static final int NEVER = AGE_LIMITS.length + 2;
    static final int ESTABLISHED_WITHIN = 3;

    private final double[] multipliers;

    private LifeCycle(double[] multipliers) {
        this.multipliers = multipliers;
    }

    /** No correction: every multiplier 1. */
    public static LifeCycle none() {
        double[] ones = new double[NEVER + 1];
        Arrays.fill(ones, 1);
        return new LifeCycle(ones);
    }

    /**
     * Learns the multipliers from every origin {@code firstOrigin} ≤ o ≤ length − horizon of each history (the
     * method fitted on the buckets before o, compared with the mean of the {@code horizon} buckets from o).
     */
    public static LifeCycle learn(List<double[]> histories, ForecastMethod method, int horizon, int firstOrigin) {
        double[] actual = new double[NEVER + 1];
        double[] forecast = new double[NEVER + 1];
        for (double[] history : histories) {
            for (int origin = Math.max(1, firstOrigin); origin + horizon <= history.length; origin++) {
                double[] seen = Arrays.copyOf(history, origin);
                int ageClass = ageClass(seen);
                double future = 0;
                for (int t = origin; t < origin + horizon; t++) {
                    future += history[t];
                }
                actual[ageClass] += future / horizon;
                forecast[ageClass] += method.fit(seen, 1).ahead()[0];
            }
        }
        double[] multipliers = new double[NEVER + 1];
        for (int c = 0; c <= NEVER; c++) {
            multipliers[c] = forecast[c] > 0 ? actual[c] / forecast[c] : 1;
        }
        return new LifeCycle(multipliers);
    }

    /** The age class of a series: 0 … 5 by buckets since its first demand, {@link #ESTABLISHED} or {@link #NEVER}. */
    public static int ageClass(double[] history) {
        int first = 0;
        while (first < history.length && history[first] <= 0) {
            first++;
        }
        if (first == history.length) {
            return NEVER;
        }
        if (first < ESTABLISHED_WITHIN) {
            return ESTABLISHED;
        }
        int age = history.length - first;
        int ageClass = 0;
        while (ageClass < AGE_LIMITS.length && age >= AGE_LIMITS[ageClass]) {
            ageClass++;
        }
        return ageClass;
    }

    public double multiplier(int ageClass) {
        return multipliers[ageClass];
    }

    /**
     * The method with its forecast ahead multiplied by the series' class multiplier; its in-sample forecasts stay
     * the method's own (they are what the lead-time dispersion is measured against).
     */
    public ForecastMethod adjust(ForecastMethod method) {
        return new ForecastMethod() {
            @Override
            public String name() {
                return method.name() + "-LIFECYCLE";
            }

            @Override
            public Fit fit(double[] history, int horizon) {
                Fit fit = method.fit(history, horizon);
                double multiplier = multiplier(ageClass(history));
                Map<String, Double> parameters = new HashMap<>(fit.parameters());
                parameters.put("lifeCycleMultiplier", multiplier);
                double[] ahead = fit.ahead().clone();
                for (int i = 0; i < ahead.length; i++) {
                    ahead[i] *= multiplier;
                }
                return new Fit(name(), parameters, fit.inSample(), ahead);
            }
        };
    }
}
