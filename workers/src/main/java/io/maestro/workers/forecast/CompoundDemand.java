package io.maestro.workers.forecast;

import java.util.Arrays;

/**
 * Intermittent demand as a compound count: in each bucket a demand occurs with probability {@code occurrence},
 * its size is 1 + a negative binomial with the given mean and variance above 1; demand over several buckets is
 * the convolution of the buckets (independent, alike). Holds the probability of each quantity.
 */
public final class CompoundDemand implements DemandDistribution {

    private static final double TAIL = 1e-9;

    private final double[] pmf;
    private final double mean;

    private CompoundDemand(double[] pmf) {
        this.pmf = pmf;
        double sum = 0;
        for (int k = 0; k < pmf.length; k++) {
            sum += k * pmf[k];
        }
        this.mean = sum;
    }

    /**
     * @param occurrence    probability of a non-zero bucket
     * @param sizeMean      mean size of a non-zero demand (at least 1)
     * @param sizeVariance  variance of that size
     * @param buckets       buckets summed
     */
    public static CompoundDemand of(double occurrence, double sizeMean, double sizeVariance, int buckets) {
        if (occurrence <= 0) {
            return new CompoundDemand(new double[] {1});
        }
        NegativeBinomial excess = new NegativeBinomial(Math.max(0, sizeMean - 1), sizeVariance);
        int limit = (int) excess.quantile(1 - TAIL) + 1;
        double[] bucket = new double[limit + 1];
        bucket[0] = 1 - occurrence;
        for (int k = 1; k <= limit; k++) {
            bucket[k] = occurrence * Math.exp(excess.logPmf(k - 1));
        }
        double[] total = {1};
        for (int b = 0; b < buckets; b++) {
            total = convolve(total, bucket);
        }
        return new CompoundDemand(total);
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] result = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                result[i + j] += a[i] * b[j];
            }
        }
        int end = result.length;
        double tail = 0;
        while (end > 1 && tail + result[end - 1] < TAIL) {
            tail += result[--end];
        }
        return Arrays.copyOf(result, end);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public long quantile(double p) {
        double cumulative = 0;
        for (int k = 0; k < pmf.length; k++) {
            cumulative += pmf[k];
            if (cumulative >= p) {
                return k;
            }
        }
        return pmf.length - 1;
    }
}
