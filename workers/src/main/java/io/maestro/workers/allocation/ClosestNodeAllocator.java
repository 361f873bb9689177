package io.maestro.workers.allocation;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Baseline B0, the rule of most open-source shops (Solidus, Magento MSI): each line from the closest node
 * that has it, within the policy's parcel limit; ship-complete orders from the closest node that has all.
 */
public final class ClosestNodeAllocator implements Allocator {

    @Override
    public String name() {
        return "B0";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        int[] byDistance = IntStream.range(0, p.nodes.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(n -> p.miles[n]).thenComparing(n -> n))
                .mapToInt(Integer::intValue).toArray();
        if (p.allOrNothing) {
            for (int n : byDistance) {
                int[] whole = SingleNodeOrGreedyAllocator.wholeOrderFrom(p, n);
                if (whole != null) {
                    return Assignment.heuristic(whole);
                }
            }
            return Assignment.heuristic(p.allUnfilled());
        }
        int[] assign = p.allUnfilled();
        PlanLedger ledger = new PlanLedger(p);
        for (int i = 0; i < p.lines.length; i++) {
            for (int n : byDistance) {
                if (ledger.canTake(n, i)) {
                    ledger.take(n, i);
                    assign[i] = n;
                    break;
                }
            }
        }
        return Assignment.heuristic(assign);
    }
}
