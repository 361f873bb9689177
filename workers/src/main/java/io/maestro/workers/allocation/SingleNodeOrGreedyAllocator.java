package io.maestro.workers.allocation;

/**
 * Baseline B1, the fewest-splits rule of typical order management systems: the cheapest node that can ship
 * the whole order; when none can, greedy cover — repeatedly the node that ships the most remaining units
 * (the cheaper parcel on a tie) until the units or the parcel limit run out.
 */
public final class SingleNodeOrGreedyAllocator implements Allocator {

    @Override
    public String name() {
        return "B1";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int n = 0; n < p.nodes.length; n++) {
            if (p.canShipWhole(n)) {
                double cost = p.wholeOrderCost(n);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = n;
                }
            }
        }
        if (best >= 0) {
            return Assignment.heuristic(p.wholeOrderFrom(best));
        }
        return Assignment.heuristic(p.allOrNothing ? p.nothing() : greedyCover(p));
    }

    private static int[][] greedyCover(AllocationProblem p) {
        int[][] take = p.nothing();
        int[] remaining = p.qty.clone();
        PlanLedger ledger = new PlanLedger(p);
        int[] tentative = new int[p.lines.length];
        while (ledger.shipments() < p.maxShipments) {
            int bestNode = -1;
            int bestUnits = 0;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int n = 0; n < p.nodes.length; n++) {
                if (ledger.isOpen(n)) {
                    continue;
                }
                int units = 0;
                for (int i = 0; i < p.lines.length; i++) {
                    tentative[i] = Math.min(remaining[i], ledger.room(n, i));
                    if (tentative[i] > 0) {
                        ledger.take(n, i, tentative[i]);
                        units += tentative[i];
                    }
                }
                double cost = units == 0 ? Double.POSITIVE_INFINITY : p.coster.cost(n, ledger.weight(n), units);
                for (int i = 0; i < p.lines.length; i++) {
                    if (tentative[i] > 0) {
                        ledger.release(n, i, tentative[i]);
                    }
                }
                if (units > bestUnits || (units == bestUnits && units > 0 && cost < bestCost)) {
                    bestNode = n;
                    bestUnits = units;
                    bestCost = cost;
                }
            }
            if (bestNode < 0) {
                break;
            }
            for (int i = 0; i < p.lines.length; i++) {
                int units = Math.min(remaining[i], ledger.room(bestNode, i));
                if (units > 0) {
                    ledger.take(bestNode, i, units);
                    take[i][bestNode] += units;
                    remaining[i] -= units;
                }
            }
        }
        return take;
    }
}
