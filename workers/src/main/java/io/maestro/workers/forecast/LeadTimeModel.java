package io.maestro.workers.forecast;

/** Turns a fitted method into the distribution of demand over the next {@code buckets} buckets. */
@FunctionalInterface
public interface LeadTimeModel {

    DemandDistribution over(double[] history, Fit fit, int buckets);

    /** Poisson around the method's mean: no more spread than a pure-chance count. */
    LeadTimeModel POISSON = (history, fit, buckets) -> NegativeBinomial.poisson(fit.meanOver(buckets));

    /**
     * Negative binomial around the method's mean, its variance ÷ mean fitted per series from the method's own
     * in-sample errors over {@code buckets}-bucket sums (Poisson when those errors spread less than that) and
     * shrunk 90 % towards Poisson: with a few dozen buckets the per-series estimate is mostly noise, and the
     * full estimate puts stock where it sits (see the forecast benchmark: SES.1-NB against SES.1-NB-FULL).
     */
    LeadTimeModel NEGATIVE_BINOMIAL = negativeBinomial(0.1);

    /**
     * As {@link #NEGATIVE_BINOMIAL}, the fitted excess dispersion shrunk towards Poisson: variance ÷ mean =
     * 1 + {@code weight} × (fitted − 1).
     */
    static LeadTimeModel negativeBinomial(double weight) {
        return (history, fit, buckets) -> {
            double mean = fit.meanOver(buckets);
            return new NegativeBinomial(mean, mean * (1 + weight * (Dispersion.of(history, fit, buckets) - 1)));
        };
    }

    /**
     * Compound demand around the method's mean: the share of non-zero buckets in the history is the chance of
     * a demand in a bucket, the size's mean makes the method's mean, the size's variance is that of the
     * history's non-zero buckets.
     */
    LeadTimeModel COMPOUND = (history, fit, buckets) -> {
        double mean = fit.meanOver(buckets) / buckets;
        int occurrences = 0;
        double sizes = 0;
        double squares = 0;
        for (double demand : history) {
            if (demand > 0) {
                occurrences++;
                sizes += demand;
                squares += demand * demand;
            }
        }
        if (mean <= 0 || occurrences == 0) {
            return NegativeBinomial.poisson(0);
        }
        double occurrence = Math.min(1, Math.max((double) occurrences / history.length, mean / (sizes / occurrences)));
        double sizeMean = Math.max(1, mean / occurrence);
        occurrence = mean / sizeMean;
        double sizeMeanSeen = sizes / occurrences;
        double sizeVariance = Math.max(0, squares / occurrences - sizeMeanSeen * sizeMeanSeen);
        return CompoundDemand.of(occurrence, sizeMean, sizeVariance, buckets);
    };

    /** The history's own {@code buckets}-bucket sums, whatever the method forecast (a bootstrap of windows). */
    LeadTimeModel BOOTSTRAP = (history, fit, buckets) -> EmpiricalDistribution.ofWindowSums(history, buckets);
}
