package io.maestro.workers.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Distributions of lead-time demand against hand-computed probabilities. */
class DemandDistributionTest {

    @Test
    void poissonQuantiles() {
        // P(≤k) for mean 2: 0.135, 0.406, 0.677, 0.857, 0.947, 0.983
        NegativeBinomial poisson = NegativeBinomial.poisson(2);
        assertThat(poisson.quantiles(0.5, 0.9, 0.95, 0.98)).containsExactly(2, 4, 5, 5);
        assertThat(poisson.cdf(3)).isCloseTo(19.0 / 3 * Math.exp(-2), within(1e-12));
    }

    @Test
    void negativeBinomialQuantiles() {
        // mean 2, variance 4: size 2, p 1/2; P(≤k) = 0.25, 0.5, 0.6875, 0.8125, 0.890625, 0.9375, 0.96484375
        NegativeBinomial distribution = new NegativeBinomial(2, 4);
        assertThat(distribution.dispersion()).isEqualTo(2);
        assertThat(distribution.cdf(2)).isCloseTo(0.6875, within(1e-12));
        assertThat(distribution.cdf(6)).isCloseTo(0.96484375, within(1e-12));
        assertThat(distribution.quantiles(0.5, 0.9, 0.95)).containsExactly(1, 5, 6);
    }

    @Test
    void aVarianceBelowTheMeanIsPoisson() {
        assertThat(new NegativeBinomial(3, 1).isPoisson()).isTrue();
        assertThat(new NegativeBinomial(3, 1).variance()).isEqualTo(3);
    }

    @Test
    void aLargeMeanDoesNotUnderflow() {
        assertThat(NegativeBinomial.poisson(2000).quantile(0.5)).isBetween(1995L, 2005L);
        assertThat(NegativeBinomial.poisson(0).quantile(0.999)).isZero();
    }

    @Test
    void compoundDemandConvolvesTheBuckets() {
        // a demand of exactly 1 with probability 1/2 in each of 2 buckets: 0, 1, 2 with 1/4, 1/2, 1/4
        CompoundDemand demand = CompoundDemand.of(0.5, 1, 0, 2);
        assertThat(demand.mean()).isCloseTo(1, within(1e-9));
        assertThat(demand.quantiles(0.2, 0.7, 0.8)).containsExactly(0, 1, 2);
    }

    @Test
    void theBootstrapTakesEveryWindowSum() {
        // windows of 2 over 1, 0, 2, 5: sums 1, 2, 7
        EmpiricalDistribution sums = EmpiricalDistribution.ofWindowSums(new double[] {1, 0, 2, 5}, 2);
        assertThat(sums.mean()).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(sums.quantiles(0.3, 0.5, 0.9)).containsExactly(1, 2, 7);
    }

    @Test
    void dispersionComesFromTheMethodsOwnErrors() {
        // naive forecasts 1, 3, 1 for 3, 1, 3: squared errors 12 over forecast units 5
        double[] history = {1, 3, 1, 3};
        assertThat(Dispersion.of(history, new Naive().fit(history, 1), 1)).isCloseTo(2.4, within(1e-12));
        double[] steady = {2, 2, 2, 2};
        assertThat(Dispersion.of(steady, new Naive().fit(steady, 1), 1)).isEqualTo(1);
    }

    @Test
    void theNegativeBinomialModelShrinksTheDispersionTowardsPoisson() {
        double[] history = {1, 3, 1, 3};
        Fit fit = new Naive().fit(history, 2);
        NegativeBinomial full = (NegativeBinomial) LeadTimeModel.negativeBinomial(1).over(history, fit, 1);
        NegativeBinomial shrunk = (NegativeBinomial) LeadTimeModel.NEGATIVE_BINOMIAL.over(history, fit, 1);
        assertThat(full.mean()).isEqualTo(3);
        assertThat(full.dispersion()).isCloseTo(2.4, within(1e-12));
        assertThat(shrunk.dispersion()).isCloseTo(1.14, within(1e-12));
    }

    @Test
    void errorMeasures() {
        // naive in-sample steps 2 and 1: MAE scale 1.5, MSE scale 2.5; errors 0 and 2
        double[] training = {1, 3, 2};
        double[] actual = {2, 2};
        double[] forecast = {2, 4};
        assertThat(ErrorMeasures.mase(training, actual, forecast)).isCloseTo(1 / 1.5, within(1e-12));
        assertThat(ErrorMeasures.rmsse(training, actual, forecast)).isCloseTo(Math.sqrt(2 / 2.5), within(1e-12));
        assertThat(ErrorMeasures.pinball(0.9, 5, 3)).isCloseTo(1.8, within(1e-12));
        assertThat(ErrorMeasures.pinball(0.9, 1, 3)).isCloseTo(0.2, within(1e-12));
        assertThat(ErrorMeasures.mase(new double[] {1, 1}, actual, forecast)).isNaN();
    }
}
