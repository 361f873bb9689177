package io.maestro.workers.allocation;

/**
 * Baseline B1, the fewest-splits rule of typical order management systems: the cheapest node that can ship
 * the whole order; when none can, greedy cover — repeatedly the node that ships the most remaining lines
 * (the cheaper parcel on a tie) until the lines or the parcel limit run out.
 */
public final class SingleNodeOrGreedyAllocator implements Allocator {

    @Override
    public String name() {
        return "B1";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int n = 0; n < p.nodes.length; n++) {
            int[] whole = wholeOrderFrom(p, n);
            if (whole != null) {
                double cost = p.evaluate(whole);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = whole;
                }
            }
        }
        if (best != null) {
            return Assignment.heuristic(best);
        }
        return Assignment.heuristic(p.allOrNothing ? p.allUnfilled() : greedyCover(p));
    }

    /** All lines from node {@code n}, or null when it lacks stock or capacity for any. */
    static int[] wholeOrderFrom(AllocationProblem p, int n) {
        PlanLedger ledger = new PlanLedger(p);
        int[] assign = new int[p.lines.length];
        for (int i = 0; i < p.lines.length; i++) {
            if (!ledger.canTake(n, i)) {
                return null;
            }
            ledger.take(n, i);
            assign[i] = n;
        }
        return assign;
    }

    private static int[] greedyCover(AllocationProblem p) {
        int[] assign = p.allUnfilled();
        PlanLedger ledger = new PlanLedger(p);
        while (ledger.shipments() < p.maxShipments) {
            int bestNode = -1;
            int bestCount = 0;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int n = 0; n < p.nodes.length; n++) {
                if (ledger.isOpen(n)) {
                    continue;
                }
                int count = 0;
                double w = 0;
                int u = 0;
                PlanLedger trial = copyOf(p, assign);
                for (int i = 0; i < p.lines.length; i++) {
                    if (assign[i] == AllocationProblem.UNFILLED && trial.canTake(n, i)) {
                        trial.take(n, i);
                        count++;
                        w += p.weight[i];
                        u += p.qty[i];
                    }
                }
                double cost = count == 0 ? Double.POSITIVE_INFINITY : p.coster.cost(n, w, u);
                if (count > bestCount || (count == bestCount && count > 0 && cost < bestCost)) {
                    bestNode = n;
                    bestCount = count;
                    bestCost = cost;
                }
            }
            if (bestNode < 0) {
                break;
            }
            for (int i = 0; i < p.lines.length; i++) {
                if (assign[i] == AllocationProblem.UNFILLED && ledger.canTake(bestNode, i)) {
                    ledger.take(bestNode, i);
                    assign[i] = bestNode;
                }
            }
        }
        return assign;
    }

    private static PlanLedger copyOf(AllocationProblem p, int[] assign) {
        PlanLedger ledger = new PlanLedger(p);
        for (int i = 0; i < assign.length; i++) {
            if (assign[i] != AllocationProblem.UNFILLED) {
                ledger.take(assign[i], i);
            }
        }
        return ledger;
    }
}
