package io.maestro.workers.allocation.realtime;

import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.problem.PlanLedger;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The closest-node baseline, the rule of most open-source shops (Solidus, Magento MSI): each line from the closest nodes
 * that have it, nearest first, within the policy's parcel limit; ship-complete orders from the closest node
 * that has everything.
 */
public final class ClosestNodeAllocator implements Allocator {

    @Override
    public String name() {
        return "closest nodes first";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        int[] byDistance = IntStream.range(0, p.nodes.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(n -> p.miles[n]).thenComparing(n -> n))
                .mapToInt(Integer::intValue).toArray();
        if (p.allOrNothing) {
            for (int n : byDistance) {
                int[][] whole = p.wholeOrderFrom(n);
                if (whole != null) {
                    return Assignment.heuristic(whole);
                }
            }
            return Assignment.heuristic(p.nothing());
        }
        int[][] take = p.nothing();
        PlanLedger ledger = new PlanLedger(p);
        for (int i = 0; i < p.lines.length; i++) {
            int remaining = p.qty[i];
            for (int n : byDistance) {
                int units = Math.min(remaining, ledger.room(n, i));
                if (units > 0) {
                    ledger.take(n, i, units);
                    take[i][n] += units;
                    remaining -= units;
                }
                if (remaining == 0) {
                    break;
                }
            }
        }
        return Assignment.heuristic(take);
    }
}
