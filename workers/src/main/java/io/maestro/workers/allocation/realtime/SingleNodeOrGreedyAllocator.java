package io.maestro.workers.allocation.realtime;

import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.problem.PlanLedger;

/**
 * The fewest-splits baseline, the rule of typical order management systems: the cheapest node that can ship the
 * whole order; when none can, greedy cover — repeatedly the node that ships the most remaining units
 * (the cheaper parcel on a tie) until the units or the parcel limit run out.
 */
public final class SingleNodeOrGreedyAllocator implements Allocator {

    @Override
    public String name() {
        return "cheapest single node, else greedy";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        return Assignment.heuristic(plan(p));
    }

    /** The rule's assignment itself (the exact optimiser starts from it). */
    int[][] plan(AllocationProblem p) {
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
            return p.wholeOrderFrom(best);
        }
        return p.allOrNothing ? p.nothing() : greedyCover(p);
    }

    private static int[][] greedyCover(AllocationProblem p) {
        int[][] take = p.nothing();
        int[] remaining = p.qty.clone();
        PlanLedger ledger = new PlanLedger(p);
        int[] skuTaken = new int[p.skuDemand.length];
        while (ledger.shipments() < p.maxShipments) {
            int bestNode = -1;
            int bestUnits = 0;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int n = 0; n < p.nodes.length; n++) {
                if (ledger.isOpen(n)) {
                    continue;
                }
                // what the closed node would ship of every line, as the ledger would count it
                java.util.Arrays.fill(skuTaken, 0);
                int units = 0;
                double weight = 0;
                double volume = 0;
                int goods = 0;
                for (int i = 0; i < p.lines.length; i++) {
                    int s = p.sku[i];
                    int room = Math.max(0, Math.min(p.avail[n][s] - skuTaken[s], p.capUnits[n] - units));
                    int tentative = Math.min(remaining[i], room);
                    if (tentative > 0) {
                        skuTaken[s] += tentative;
                        units += tentative;
                        weight += tentative * p.unitWeight[i];
                        volume += tentative * p.unitVolume[i];
                        goods |= p.goods[i];
                    }
                }
                if (units == 0 || units < bestUnits) {
                    continue;
                }
                // priced only when it ships at least as many units as the best so far: fewer never win
                double cost = p.coster.cost(n, weight, volume, units, goods);
                if (units > bestUnits || cost < bestCost) {
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
