package io.maestro.workers.allocation;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Maestro's real-time rule B2: the exact optimum for one order, by depth-first branch and bound over
 * "which nodes ship how many units of this line", most constrained line first, cheapest node first and
 * whole lines before partial ones.
 *
 * <p>It starts from B1's plan as the incumbent, so it is never worse than B1. A branch is cut when its cost
 * so far plus a lower bound on the units still to place cannot beat the incumbent. The bound of a unit is
 * the least it can add anywhere: the unfilled penalty, or the per-unit handling, per-unit carrier floor and
 * carbon floor at the node where these are lowest. That is valid because adding units to a parcel never
 * costs less than that (rate cards never get cheaper with weight). A line's units are spread over nodes in
 * their option order only, so each split is enumerated once. A search that exceeds its budget of explored
 * nodes returns the best plan found, marked unproven.
 */
public final class BranchAndBoundAllocator implements Allocator {

    private static final double EPSILON = 1e-9;

    private final long nodeBudget;
    private final SingleNodeOrGreedyAllocator incumbentRule = new SingleNodeOrGreedyAllocator();

    public BranchAndBoundAllocator() {
        this(1_000_000);
    }

    public BranchAndBoundAllocator(long nodeBudget) {
        this.nodeBudget = nodeBudget;
    }

    @Override
    public String name() {
        return "B2";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        return new Search(p, incumbentRule.assign(p).take(), nodeBudget).run();
    }

    private static final class Search {
        private final AllocationProblem p;
        private final long budget;
        private final int[] order;
        private final double[] unitBound;
        private final double[] suffixBound;
        private final PlanLedger ledger;
        private final double[] parcelCost;
        private final int[][] current;
        private int[][] best;
        private double bestCost;
        private int unfilled;
        private long explored;

        Search(AllocationProblem p, int[][] incumbent, long budget) {
            this.p = p;
            this.budget = budget;
            int lineCount = p.lines.length;
            this.order = IntStream.range(0, lineCount).boxed()
                    .sorted(Comparator.<Integer>comparingInt(i -> p.options[i].length)
                            .thenComparing(i -> -p.qty[i])
                            .thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            this.unitBound = new double[lineCount];
            this.suffixBound = new double[lineCount + 1];
            for (int k = lineCount - 1; k >= 0; k--) {
                int i = order[k];
                double least = p.unfilledPerUnit;
                for (int n : p.options[i]) {
                    least = Math.min(least, p.unitFloor[n][i]);
                }
                unitBound[i] = least;
                suffixBound[k] = suffixBound[k + 1] + least * p.qty[i];
            }
            this.ledger = new PlanLedger(p);
            this.parcelCost = new double[p.nodes.length];
            this.current = p.nothing();
            this.best = incumbent;
            this.bestCost = p.evaluate(incumbent);
        }

        Assignment run() {
            if (order.length > 0) {
                place(0, p.qty[order[0]], 0, 0);
            }
            return new Assignment(best, explored, explored < budget);
        }

        /** Places the {@code remaining} units of the k-th line, using its options from {@code from} on. */
        private void place(int k, int remaining, int from, double cost) {
            if (++explored >= budget) {
                return;
            }
            int i = order[k];
            double splitSoFar = p.rules.splitPenalty(ledger.shipments());
            if (cost + splitSoFar + unitBound[i] * remaining + suffixBound[k + 1] >= bestCost - EPSILON) {
                return;
            }
            if (remaining == 0) {
                next(k, cost);
                return;
            }
            if (!p.allOrNothing || unfilled == 0) {
                int[] options = p.options[i];
                for (int o = from; o < options.length; o++) {
                    int n = options[o];
                    int room = Math.min(remaining, ledger.room(n, i));
                    for (int units = room; units > 0; units--) {
                        double before = parcelCost[n];
                        ledger.take(n, i, units);
                        double after = p.coster.cost(n, ledger.weight(n), ledger.units(n));
                        parcelCost[n] = after;
                        current[i][n] = units;
                        place(k, remaining - units, o + 1, cost + after - before);
                        current[i][n] = 0;
                        parcelCost[n] = before;
                        ledger.release(n, i, units);
                    }
                }
            }
            if (!p.allOrNothing || ledger.filled() == 0) {
                unfilled += remaining;
                next(k, cost + p.unfilledPerUnit * remaining);
                unfilled -= remaining;
            }
        }

        private void next(int k, double cost) {
            if (k + 1 < order.length) {
                place(k + 1, p.qty[order[k + 1]], 0, cost);
                return;
            }
            double total = cost + p.rules.splitPenalty(ledger.shipments());
            if (total < bestCost - EPSILON) {
                bestCost = total;
                best = AllocationProblem.copy(current);
            }
        }
    }
}
