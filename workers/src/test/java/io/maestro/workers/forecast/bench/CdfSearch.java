package io.maestro.workers.forecast.bench;

import java.util.function.LongToDoubleFunction;

/** Quantiles of a whole-unit distribution known by its distribution function. */
final class CdfSearch {

    private CdfSearch() {
    }

    /** The least q in [low, high] with cdf(q) ≥ p (high when none below it is), by bisection. */
    static long least(LongToDoubleFunction cdf, long low, long high, double p) {
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (cdf.applyAsDouble(mid) >= p - 1e-12) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
