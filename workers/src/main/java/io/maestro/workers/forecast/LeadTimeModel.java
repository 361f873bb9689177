package io.maestro.workers.forecast;

/** Turns a fitted method into the distribution of demand over the next {@code buckets} buckets. */
@FunctionalInterface
public interface LeadTimeModel {

    DemandDistribution over(double[] history, Fit fit, int buckets);

    /** Poisson around the method's mean: no more spread than a pure-chance count. */
    LeadTimeModel POISSON = (history, fit, buckets) -> NegativeBinomial.poisson(fit.meanOver(buckets));

    /**
     * Negative binomial around the method's mean, its variance ÷ mean fitted per series from the method's own
     * in-sample errors over {@code buckets}-bucket sums (Poisson when those errors spread less than that).
     */
    LeadTimeModel NEGATIVE_BINOMIAL = (history, fit, buckets) -> {
        double mean = fit.meanOver(buckets);
        return new NegativeBinomial(mean, mean * Dispersion.of(history, fit, buckets));
    };

    /** The history's own {@code buckets}-bucket sums, whatever the method forecast (a bootstrap of windows). */
    LeadTimeModel BOOTSTRAP = (history, fit, buckets) -> EmpiricalDistribution.ofWindowSums(history, buckets);
}
