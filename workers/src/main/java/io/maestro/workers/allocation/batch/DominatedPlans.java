package io.maestro.workers.allocation.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate plans a choice of one plan per order needs, and the limits that need a row, for a choice
 * among a fixed set of candidates (the proof stage's enumerated plans).
 *
 * <p>A limit is <em>loose</em> when the orders together cannot exceed it whichever candidates they choose: the
 * sum over the orders of the most any one of their candidates uses of it stays within it. A loose limit needs
 * no row, and a plan's use of it does not matter.
 *
 * <p>Within one order, plan q <em>dominates</em> plan p when q costs no more and uses no more of any other
 * limit. Dropping p cannot lose the optimum: in any choice that keeps the limits and takes p, taking q in its
 * place still keeps them (it uses no more of a limit that can bind, and a loose limit holds for every choice)
 * and costs no more. Candidates are compared cheapest first against those kept, so the plan that dominates a
 * dropped one is itself kept and the optimum over the candidates kept equals the optimum over all of them.
 * Dropping plans only lowers what the orders can use of a limit, so limits stay loose; the pruning runs again
 * while it finds more loose limits.
 */
final class DominatedPlans {

    /**
     * An order with more plans kept than this is only cleared of plans using exactly what a cheaper one uses:
     * comparing each plan with all those kept would take longer than it saves SCIP.
     */
    private static final int MOST_COMPARED = 200;

    /**
     * What is left: per order its candidates kept, for every candidate given the kept one that takes its place
     * (itself when kept; -1 for the indices not among the candidates), and which limits may bind.
     */
    record Kept(List<List<Integer>> ofOrder, int[] keptFor, boolean[] binding) {

        /** The plans kept in place of {@code chosen} (one plan per order): a choice that keeps the limits too. */
        int[] replace(int[] chosen) {
            return Arrays.stream(chosen).map(c -> keptFor[c]).toArray();
        }

        int count() {
            return ofOrder.stream().mapToInt(List::size).sum();
        }
    }

    private DominatedPlans() {
    }

    /**
     * @param candidates per order, its candidates (indices into the arrays below)
     * @param cost       per candidate, its cost
     * @param resources  per candidate, the limits it uses, ascending
     * @param units      per candidate, how much of each of those it uses
     * @param limits     per limit, what the orders may use of it together
     */
    static Kept prune(List<List<Integer>> candidates, double[] cost, int[][] resources, int[][] units,
                      int[] limits) {
        int[] keptFor = new int[cost.length];
        Arrays.fill(keptFor, -1);
        List<List<Integer>> kept = new ArrayList<>();
        for (List<Integer> ofOrder : candidates) {
            kept.add(new ArrayList<>(ofOrder));
            ofOrder.forEach(c -> keptFor[c] = c);
        }
        boolean[] binding = binding(kept, resources, units, limits);
        while (true) {
            int before = kept.stream().mapToInt(List::size).sum();
            for (int o = 0; o < kept.size(); o++) {
                kept.set(o, undominated(kept.get(o), binding, cost, resources, units, keptFor));
            }
            boolean[] after = binding(kept, resources, units, limits);
            boolean same = Arrays.equals(after, binding);
            binding = after;
            if (same || kept.stream().mapToInt(List::size).sum() == before) {
                break;
            }
        }
        for (int c = 0; c < keptFor.length; c++) {
            int k = c;
            while (keptFor[k] >= 0 && keptFor[k] != k) {
                k = keptFor[k];
            }
            keptFor[c] = keptFor[c] < 0 ? -1 : k;
        }
        return new Kept(kept, keptFor, binding);
    }

    /** The limits the orders could exceed together, each choosing its candidate that uses most of it. */
    private static boolean[] binding(List<List<Integer>> candidates, int[][] resources, int[][] units, int[] limits) {
        long[] most = new long[limits.length];
        for (List<Integer> ofOrder : candidates) {
            Map<Integer, Integer> mostOfOrder = new HashMap<>();
            for (int c : ofOrder) {
                for (int k = 0; k < resources[c].length; k++) {
                    mostOfOrder.merge(resources[c][k], units[c][k], Math::max);
                }
            }
            mostOfOrder.forEach((r, u) -> most[r] += u);
        }
        boolean[] binding = new boolean[limits.length];
        for (int r = 0; r < limits.length; r++) {
            binding[r] = most[r] > limits[r];
        }
        return binding;
    }

    /**
     * One order's candidates without those a cheaper (or equally dear, earlier) kept one dominates on the limits
     * that may bind; records the one that takes each dropped plan's place.
     */
    private static List<Integer> undominated(List<Integer> ofOrder, boolean[] binding, double[] cost,
                                             int[][] resources, int[][] units, int[] keptFor) {
        List<Integer> sorted = new ArrayList<>(ofOrder);
        sorted.sort(Comparator.<Integer>comparingDouble(c -> cost[c]).thenComparingInt(c -> c));
        List<Integer> kept = new ArrayList<>();
        List<Use> keptUse = new ArrayList<>();
        Map<Use, Integer> sameUse = new HashMap<>();
        for (int c : sorted) {
            Use use = Use.of(resources[c], units[c], binding);
            Integer dominating = sameUse.get(use);
            if (dominating == null && kept.size() <= MOST_COMPARED) {
                for (int j = 0; j < kept.size() && dominating == null; j++) {
                    if (keptUse.get(j).noMoreThan(use)) {
                        dominating = kept.get(j);
                    }
                }
            }
            if (dominating != null) {
                keptFor[c] = dominating;
            } else {
                sameUse.put(use, c);
                kept.add(c);
                keptUse.add(use);
            }
        }
        return kept;
    }

    /** A plan's use of the limits that may bind: the limits (ascending) and its units of each. */
    private record Use(int[] resources, int[] units) {

        static Use of(int[] resources, int[] units, boolean[] binding) {
            int n = 0;
            for (int r : resources) {
                n += binding[r] ? 1 : 0;
            }
            if (n == resources.length) {
                return new Use(resources, units);
            }
            Use use = new Use(new int[n], new int[n]);
            int i = 0;
            for (int k = 0; k < resources.length; k++) {
                if (binding[resources[k]]) {
                    use.resources[i] = resources[k];
                    use.units[i++] = units[k];
                }
            }
            return use;
        }

        /** Whether this uses no more than {@code other} of every limit. */
        boolean noMoreThan(Use other) {
            if (resources.length > other.resources.length) {
                return false;
            }
            int j = 0;
            for (int i = 0; i < resources.length; i++) {
                while (j < other.resources.length && other.resources[j] < resources[i]) {
                    j++;
                }
                if (j == other.resources.length || other.resources[j] != resources[i] || other.units[j] < units[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Use use && Arrays.equals(resources, use.resources) && Arrays.equals(units, use.units);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(resources) + Arrays.hashCode(units);
        }
    }
}
