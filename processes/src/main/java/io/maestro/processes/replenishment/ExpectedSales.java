package io.maestro.processes.replenishment;

import io.maestro.workers.forecast.NegativeBinomial;

/** Units expected to sell from a stock over a period whose demand has a given distribution: E[min(D, stock)]. */
public final class ExpectedSales {

    private ExpectedSales() {
    }

    /** E[min(D, stock)] = Σ_{j < stock} P(D > j); 0 for no stock. */
    public static double of(NegativeBinomial demand, long stock) {
        double sold = 0;
        for (long j = 0; j < stock; j++) {
            double above = 1 - demand.cdf(j);
            if (above < 1e-12) {
                break;
            }
            sold += above;
        }
        return sold;
    }
}
