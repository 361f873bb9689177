package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.forecast.NegativeBinomial;
import org.junit.jupiter.api.Test;

/** E[min(D, stock)] on Poisson demand worked out by hand. */
class ExpectedSalesTest {

    /** Poisson(1): E[min(D, 1)] = P(D ≥ 1) = 1 − e⁻¹; E[min(D, 2)] adds P(D ≥ 2) = 1 − 2e⁻¹. */
    @Test
    void expectedSalesAreTheSumOfTheChancesOfSellingEachUnit() {
        NegativeBinomial demand = NegativeBinomial.poisson(1);

        assertThat(ExpectedSales.of(demand, 0)).isZero();
        assertThat(ExpectedSales.of(demand, 1)).isCloseTo(1 - Math.exp(-1), within(1e-9));
        assertThat(ExpectedSales.of(demand, 2)).isCloseTo(2 - 3 * Math.exp(-1), within(1e-9));
        assertThat(ExpectedSales.of(demand, 1000)).isCloseTo(1.0, within(1e-9));
    }
}
