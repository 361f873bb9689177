package io.maestro.workers.forecast;

/**
 * A count distribution with a given mean and variance: negative binomial when the variance exceeds the mean,
 * Poisson otherwise (variance = mean). Quantiles add the probability mass up from zero, in logs so a large mean
 * does not underflow.
 */
public record NegativeBinomial(double mean, double variance) implements DemandDistribution {

    public NegativeBinomial {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and non-negative: " + mean);
        }
        variance = Math.max(variance, mean);
    }

    public static NegativeBinomial poisson(double mean) {
        return new NegativeBinomial(mean, mean);
    }

    /** Variance ÷ mean (1 for Poisson). */
    public double dispersion() {
        return mean == 0 ? 1 : variance / mean;
    }

    public boolean isPoisson() {
        return variance <= mean * (1 + 1e-9);
    }

    @Override
    public long quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1): " + p);
        }
        if (mean == 0) {
            return 0;
        }
        double cumulative = 0;
        long limit = (long) Math.ceil(mean + 60 * Math.sqrt(variance) + 20);
        for (long k = 0; k <= limit; k++) {
            cumulative += Math.exp(logPmf(k));
            if (cumulative >= p) {
                return k;
            }
        }
        return limit;
    }

    /** P(demand ≤ k). */
    public double cdf(long k) {
        double cumulative = 0;
        for (long i = 0; i <= k; i++) {
            cumulative += Math.exp(logPmf(i));
        }
        return Math.min(1, cumulative);
    }

    double logPmf(long k) {
        if (mean == 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (isPoisson()) {
            return k * Math.log(mean) - mean - LogGamma.of(k + 1);
        }
        double size = mean * mean / (variance - mean);
        double success = size / (size + mean);
        return LogGamma.of(k + size) - LogGamma.of(size) - LogGamma.of(k + 1)
                + size * Math.log(success) + k * Math.log1p(-success);
    }
}
