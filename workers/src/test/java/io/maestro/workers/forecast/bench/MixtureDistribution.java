package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.DemandDistribution;
import io.maestro.workers.forecast.NegativeBinomial;

/**
 * Two demand distributions mixed in equal parts: P(demand ≤ q) is the mean of theirs, so its quantile lies between
 * theirs. Its parts are {@link ForestDistribution}s, {@link NegativeBinomial}s or mixtures of them.
 */
public final class MixtureDistribution implements DemandDistribution {

    private final DemandDistribution first;
    private final DemandDistribution second;

    public MixtureDistribution(DemandDistribution first, DemandDistribution second) {
        cdf(first, 0);
        cdf(second, 0);
        this.first = first;
        this.second = second;
    }

    @Override
    public double mean() {
        return (first.mean() + second.mean()) / 2;
    }

    /** P(demand ≤ q). */
    public double cdf(long q) {
        return (cdf(first, q) + cdf(second, q)) / 2;
    }

    @Override
    public long quantile(double p) {
        long a = first.quantile(p);
        long b = second.quantile(p);
        return CdfSearch.least(this::cdf, Math.min(a, b), Math.max(a, b), p);
    }

    private static double cdf(DemandDistribution distribution, long q) {
        if (distribution instanceof ForestDistribution forest) {
            return forest.cdf(q);
        }
        if (distribution instanceof NegativeBinomial negativeBinomial) {
            return negativeBinomial.cdf(q);
        }
        if (distribution instanceof MixtureDistribution mixture) {
            return mixture.cdf(q);
        }
        throw new IllegalArgumentException("no distribution function for " + distribution.getClass().getSimpleName());
    }
}
