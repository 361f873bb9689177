package io.maestro.workers.allocation.batch;

import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Each order priced at λ, its priced optimum (the real-time optimiser's, proven) and L(λ) = Σ priced optima − λ·limits, a lower bound
 * of the window for any λ ≥ 0.
 */
record PricedOptima(List<AllocationProblem> priced, double[] value, double bound) {

    /**
     * The orders' priced optima at {@code price}; null when one is not proven or the run's clock passes
     * {@code until} seconds.
     */
    static PricedOptima at(CandidatePlans columns, BranchAndBoundAllocator pricer, double[] price,
                           Deadline deadline, double until) {
        ShadowPrices shadow = columns.shadowPrices(price);
        double lagrangian = -columns.valueOfLimits(price);
        List<AllocationProblem> priced = new ArrayList<>();
        double[] value = new double[columns.orders.size()];
        for (int o = 0; o < columns.orders.size(); o++) {
            if (deadline.elapsed() > until) {
                return null;
            }
            AllocationProblem p = columns.orders.get(o).withPrices(shadow);
            Assignment best = pricer.assign(p);
            if (!best.proven()) {
                return null;
            }
            priced.add(p);
            value[o] = p.evaluate(best.take());
            lagrangian += value[o];
        }
        return new PricedOptima(priced, value, lagrangian);
    }
}
