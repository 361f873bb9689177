package io.maestro.workers.allocation.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The large-neighbourhood search of large waves: while time is left, SCIP chooses again for a neighbourhood of
 * orders around those whose choice costs most above their cheapest candidate at the bound's prices, the other
 * orders' choices fixed, and keeps only a cheaper choice (so the choice never gets dearer and always keeps the
 * limits).
 */
final class NeighbourhoodSearch {

    /**
     * The orders a neighbourhood of the large-neighbourhood search re-chooses, about: on L SCIP proves its choice
     * for 200 optimal in about 0.08 CPU-s, and many small neighbourhoods gain more in the time than fewer large ones
     * (1,000 orders: 0.3-1.5 CPU-s each, the batch optimiser about 500 dearer after the same time).
     */
    private static final int NEIGHBOURHOOD_ORDERS = 200;
    /**
     * Through each stock limit it reaches, a neighbourhood takes in at most this many orders, so that it spans many
     * of the seed's contested limits and their orders' limits rather than the hundreds of orders on one (the batch optimiser on L,
     * one run each: 2 212,396, 5 212,222, 10 212,422, 50 212,539; without this 212,662-212,789 in three).
     */
    private static final int NEIGHBOURS_PER_LIMIT = 5;
    /**
     * Once this many seeds or more were tried and one gave a cheaper choice, the search starts again from the orders
     * that lose most: around a changed choice the orders often gain again (on L, three starts, 20 CPU-s each: 23-244
     * cheaper than sweeping on through the 1,000 seeds).
     */
    private static final int SEEDS_PER_SWEEP = 100;
    /** SCIP's time per neighbourhood. */
    private static final double NEIGHBOURHOOD_SECONDS = 1;
    /**
     * SCIP stops a neighbourhood once its choice is within 0.1 % of its bound (about $4 on 200 orders), rather
     * than 0.01 %: on L the same start then took 440 neighbourhoods in 20 CPU-s instead of 280, and ended about 100
     * cheaper (with the holders first, see {@link #neighbourhood}).
     */
    private static final String NEIGHBOURHOOD_GAP = "\nlimits/gap = 0.001";

    private final CandidatePlans columns;
    private final CandidateChoiceMip mip;
    private final Deadline deadline;

    NeighbourhoodSearch(CandidatePlans columns, CandidateChoiceMip mip, Deadline deadline) {
        this.columns = columns;
        this.mip = mip;
        this.deadline = deadline;
    }

    /**
     * Large-neighbourhood search: while time is left, the orders whose choice costs most above their cheapest
     * candidate at the bound's prices seed a {@link #neighbourhood}; SCIP chooses for its orders again, the other
     * orders' choices fixed, starting from the current choice, which it replaces only by a cheaper one (so the
     * choice never gets dearer and always keeps the limits). Once {@link #SEEDS_PER_SWEEP} seeds or
     * more were tried and one of them gained, it starts again from the first; it stops when a sweep over all seeds
     * gained nothing.
     */
    void improve(int[] chosen, double[] price) {
        boolean[] capacity = new boolean[columns.limits.size()];
        columns.resourceIndex.forEach((key, r) -> capacity[r] = key.endsWith(LagrangianBound.CAPACITY));
        double[] cheapest = new double[columns.orders.size()];
        for (int o = 0; o < cheapest.length; o++) {
            cheapest[o] = Double.POSITIVE_INFINITY;
            for (int c : columns.ofOrder.get(o)) {
                cheapest[o] = Math.min(cheapest[o], columns.all.get(c).pricedCost(price));
            }
        }
        int sweep = 0;
        boolean gained = false;
        while (deadline.left() > CandidatePlanOptimizer.MIN_SCIP_SECONDS) {
            int[] left = columns.limitsLeft();
            for (int c : chosen) {
                columns.all.get(c).take(left);
            }
            double[] loss = new double[columns.orders.size()];
            List<Integer> seeds = new ArrayList<>();
            for (int o = 0; o < columns.orders.size(); o++) {
                loss[o] = columns.all.get(chosen[o]).pricedCost(price) - cheapest[o];
                if (loss[o] > CandidatePlanOptimizer.TOLERANCE) {
                    seeds.add(o);
                }
            }
            if (sweep >= seeds.size() || gained && sweep >= SEEDS_PER_SWEEP) {
                if (!gained) {
                    return;
                }
                sweep = 0;
                gained = false;
            }
            seeds.sort(Comparator.comparingDouble(o -> -loss[o]));
            boolean[] inside = new boolean[columns.orders.size()];
            List<Integer> neighbourhood = new ArrayList<>();
            while (sweep < seeds.size() && neighbourhood.size() < NEIGHBOURHOOD_ORDERS) {
                neighbourhood(seeds.get(sweep++), price, left, capacity, chosen, inside, neighbourhood);
            }
            for (int o : neighbourhood) {
                columns.all.get(chosen[o]).give(left);
            }
            double before = columns.costOf(chosen);
            mip.choose(neighbourhood, columns.byOrder(), left, chosen, NEIGHBOURHOOD_SECONDS,
                    CandidateChoiceMip.CPU_CLOCK + CandidateChoiceMip.NO_PRESOLVE + NEIGHBOURHOOD_GAP, null);
            gained |= columns.costOf(chosen) < before - 1e-9;
        }
    }

    /**
     * Adds {@code seed} and, breadth first, the orders whose candidates share stock with its candidates (stock
     * that is priced or used up; capacity is a node's, shared by thousands of orders, and seldom priced) to the
     * neighbourhood, up to {@link #NEIGHBOURS_PER_LIMIT} through each such stock limit and
     * {@link #NEIGHBOURHOOD_ORDERS} in all: first the orders whose choice holds that stock, as only they can free
     * it, then those whose other candidates want it.
     */
    private void neighbourhood(int seed, double[] price, int[] left, boolean[] capacity, int[] chosen,
                               boolean[] inside, List<Integer> neighbourhood) {
        if (inside[seed]) {
            return;
        }
        inside[seed] = true;
        neighbourhood.add(seed);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(seed));
        boolean[] seen = new boolean[price.length];
        while (!queue.isEmpty() && neighbourhood.size() < NEIGHBOURHOOD_ORDERS) {
            for (int c : columns.ofOrder.get(queue.poll())) {
                for (int r : columns.all.get(c).resources()) {
                    if (seen[r] || capacity[r] || price[r] <= 0 && left[r] > 0) {
                        continue;
                    }
                    seen[r] = true;
                    int most = Math.min(NEIGHBOURHOOD_ORDERS, neighbourhood.size() + NEIGHBOURS_PER_LIMIT);
                    List<Integer> using = columns.columnsUsing.get(r);
                    for (int pass = 0; pass < 2; pass++) {
                        for (int j = 0; j < using.size() && neighbourhood.size() < most; j++) {
                            int other = using.get(j);
                            int next = columns.all.get(other).order();
                            boolean holds = chosen[next] == other;
                            if (!inside[next] && holds == (pass == 0)) {
                                inside[next] = true;
                                neighbourhood.add(next);
                                queue.add(next);
                            }
                        }
                    }
                }
            }
        }
    }
}
