package io.maestro.workers.forecast;

import java.util.Arrays;

/** The distribution of a sample as observed (each value equally likely). */
public record EmpiricalDistribution(double[] sorted) implements DemandDistribution {

    public EmpiricalDistribution {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        sorted = sorted.clone();
        Arrays.sort(sorted);
    }

    /** Every overlapping {@code buckets}-bucket sum of the history (the whole history as one sum if shorter). */
    public static EmpiricalDistribution ofWindowSums(double[] history, int buckets) {
        int windows = Math.max(1, history.length - buckets + 1);
        double[] sums = new double[windows];
        for (int t = 0; t < windows; t++) {
            for (int j = t; j < Math.min(history.length, t + buckets); j++) {
                sums[t] += history[j];
            }
        }
        return new EmpiricalDistribution(sums);
    }

    @Override
    public double mean() {
        return Arrays.stream(sorted).average().orElse(0);
    }

    @Override
    public long quantile(double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return (long) Math.ceil(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }
}
