package io.maestro.workers.forecast;

/** The distribution of demand over some buckets (e.g. the lead time), in whole units. */
public interface DemandDistribution {

    double mean();

    /** The least whole quantity q with P(demand ≤ q) ≥ p. */
    long quantile(double p);

    /** Quantiles at each level, in order. */
    default long[] quantiles(double... levels) {
        long[] values = new long[levels.length];
        for (int i = 0; i < levels.length; i++) {
            values[i] = quantile(levels[i]);
        }
        return values;
    }
}
