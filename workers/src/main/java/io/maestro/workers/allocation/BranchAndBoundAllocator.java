package io.maestro.workers.allocation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Maestro's real-time rule B2: the exact optimum for one order, by depth-first branch and bound over
 * "which node ships this line", most constrained line first and cheapest node first.
 *
 * <p>It starts from B1's plan as the incumbent, so it is never worse than B1. A branch is cut when its cost
 * so far plus a lower bound on the remaining lines cannot beat the incumbent. The bound of a remaining line
 * is the least it can add anywhere: its unfilled penalty, or the per-unit handling, per-unit carrier floor
 * and carbon floor at the node where these are lowest. That is valid because adding a line to a parcel never
 * costs less than that (rate cards never get cheaper with weight). A search that exceeds its budget of
 * explored nodes returns the best plan found, marked unproven.
 */
public final class BranchAndBoundAllocator implements Allocator {

    private static final double EPSILON = 1e-9;

    private final long nodeBudget;
    private final SingleNodeOrGreedyAllocator incumbentRule = new SingleNodeOrGreedyAllocator();

    public BranchAndBoundAllocator() {
        this(2_000_000);
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
        int[] start = incumbentRule.assign(p).nodeOfLine();
        return new Search(p, start, nodeBudget).run();
    }

    private static final class Search {
        private final AllocationProblem p;
        private final long budget;
        private final int[] order;
        private final double[] suffixBound;
        private final PlanLedger ledger;
        private final double[] parcelCost;
        private final int[] current;
        private int[] best;
        private double bestCost;
        private int filled;
        private int unfilled;
        private long explored;

        Search(AllocationProblem p, int[] incumbent, long budget) {
            this.p = p;
            this.budget = budget;
            int lineCount = p.lines.length;
            this.order = IntStream.range(0, lineCount).boxed()
                    .sorted(Comparator.<Integer>comparingInt(i -> p.options[i].length)
                            .thenComparing(i -> -p.unfilledCost[i])
                            .thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            this.suffixBound = new double[lineCount + 1];
            for (int k = lineCount - 1; k >= 0; k--) {
                int i = order[k];
                double least = p.unfilledCost[i];
                for (int n : p.options[i]) {
                    least = Math.min(least, p.floor[n][i]);
                }
                suffixBound[k] = suffixBound[k + 1] + least;
            }
            this.ledger = new PlanLedger(p);
            this.parcelCost = new double[p.nodes.length];
            this.current = new int[lineCount];
            Arrays.fill(current, AllocationProblem.UNFILLED);
            this.best = incumbent;
            this.bestCost = p.evaluate(incumbent);
        }

        Assignment run() {
            dfs(0, 0);
            return new Assignment(best, explored, explored < budget);
        }

        private void dfs(int k, double cost) {
            explored++;
            if (explored >= budget) {
                return;
            }
            double splitSoFar = p.rules.splitPenalty(ledger.shipments());
            if (cost + splitSoFar + suffixBound[k] >= bestCost - EPSILON) {
                return;
            }
            if (k == order.length) {
                bestCost = cost + splitSoFar;
                best = current.clone();
                return;
            }
            int i = order[k];
            if (!p.allOrNothing || unfilled == 0) {
                for (int n : p.options[i]) {
                    if (!ledger.canTake(n, i)) {
                        continue;
                    }
                    double before = parcelCost[n];
                    ledger.take(n, i);
                    double after = p.coster.cost(n, ledger.weight(n), ledger.units(n));
                    parcelCost[n] = after;
                    current[i] = n;
                    filled++;
                    dfs(k + 1, cost + after - before);
                    filled--;
                    current[i] = AllocationProblem.UNFILLED;
                    parcelCost[n] = before;
                    ledger.release(n, i);
                }
            }
            if (!p.allOrNothing || filled == 0) {
                unfilled++;
                dfs(k + 1, cost + p.unfilledCost[i]);
                unfilled--;
            }
        }
    }
}
