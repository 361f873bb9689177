package io.maestro.workers.allocation.batch;

import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The candidate plans and the stock and capacity limits they share. A limit is contended once the orders'
 * candidates could together exceed it (each order at its candidate using most of it); only contended limits
 * need a row.
 */
final class CandidatePlans {
    final List<AllocationProblem> orders;
    final List<Column> all = new ArrayList<>();
    private final List<Map<Take, Integer>> known = new ArrayList<>();
    final int[] startColumn;
    final Map<String, Integer> resourceIndex = new HashMap<>();
    final List<Integer> limits = new ArrayList<>();
    /** [order]: the limits its plans may draw on. */
    final int[][] reach;
    /**
     * [order][node][line]: the stock limit a unit of the line from the node uses; [order][node][lines]: its
     * capacity (-1: none).
     */
    private final int[][][] resourceOf;
    final List<List<Integer>> columnsUsing = new ArrayList<>();
    /** [order]: per limit it has drawn on, the most any of its candidates takes. */
    final List<Map<Integer, Integer>> most = new ArrayList<>();
    /** [limit]: what the orders would take together if each took its candidate using most of it. */
    final List<Integer> mostTogether = new ArrayList<>();
    /** Limits whose {@link #mostTogether} rose above them since the relaxation last looked. */
    final List<Integer> newlyContended = new ArrayList<>();
    /** [order]: its candidates. */
    final List<List<Integer>> ofOrder = new ArrayList<>();

    /** Every order starts with two candidates: leaving it unfilled, and its starting plan. */
    CandidatePlans(List<AllocationProblem> orders, List<int[][]> starts) {
        this.orders = orders;
        this.startColumn = new int[orders.size()];
        this.reach = new int[orders.size()][];
        this.resourceOf = new int[orders.size()][][];
        for (int o = 0; o < orders.size(); o++) {
            known.add(new HashMap<>());
            ofOrder.add(new ArrayList<>());
            most.add(new HashMap<>());
            AllocationProblem p = orders.get(o);
            Set<Integer> reachable = new TreeSet<>();
            resourceOf[o] = new int[p.nodes.length][p.lines.length + 1];
            for (int n = 0; n < p.nodes.length; n++) {
                resourceOf[o][n][p.lines.length] = p.capUnits[n] == Node.UNLIMITED ? -1
                        : resource(capacityKey(p, n), p.capUnits[n]);
                if (p.capUnits[n] != Node.UNLIMITED) {
                    reachable.add(resourceOf[o][n][p.lines.length]);
                }
                for (int i = 0; i < p.lines.length; i++) {
                    resourceOf[o][n][i] = resource(stockKey(p, n, i), p.avail[n][p.sku[i]]);
                    reachable.add(resourceOf[o][n][i]);
                }
            }
            reach[o] = reachable.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int o = 0; o < orders.size(); o++) {
            add(o, orders.get(o).nothing());
            startColumn[o] = add(o, starts.get(o));
        }
    }

    private static String capacityKey(AllocationProblem p, int n) {
        return p.nodes[n].id() + "|" + LagrangianBound.CAPACITY;
    }

    private static String stockKey(AllocationProblem p, int n, int i) {
        return p.nodes[n].id() + "|" + p.lines[i].sku();
    }

    /** The index of the plan among the candidates of order {@code o}, added when it is new. */
    int add(int o, int[][] take) {
        Take key = new Take(take);
        Integer existing = known.get(o).get(key);
        if (existing != null) {
            return existing;
        }
        AllocationProblem p = orders.get(o);
        Map<Integer, Integer> use = new TreeMap<>();
        for (int n = 0; n < p.nodes.length; n++) {
            for (int i = 0; i < p.lines.length; i++) {
                if (take[i][n] > 0) {
                    use.merge(resourceOf[o][n][i], take[i][n], Integer::sum);
                    if (resourceOf[o][n][p.lines.length] >= 0) {
                        use.merge(resourceOf[o][n][p.lines.length], take[i][n], Integer::sum);
                    }
                }
            }
        }
        int[] resources = use.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] units = Arrays.stream(resources).map(use::get).toArray();
        int c = all.size();
        int[][] copy = AllocationProblem.copy(take);
        known.get(o).put(new Take(copy), c);
        all.add(new Column(o, copy, p.evaluate(take), resources, units));
        for (int k = 0; k < resources.length; k++) {
            int r = resources[k];
            columnsUsing.get(r).add(c);
            int before = most.get(o).getOrDefault(r, 0);
            if (units[k] > before) {
                most.get(o).put(r, units[k]);
                int together = mostTogether.get(r) + units[k] - before;
                mostTogether.set(r, together);
                if (together > limits.get(r) && together - units[k] + before <= limits.get(r)) {
                    newlyContended.add(r);
                }
            }
        }
        ofOrder.get(o).add(c);
        return c;
    }

    private int resource(String key, int limit) {
        Integer index = resourceIndex.get(key);
        if (index == null) {
            index = limits.size();
            resourceIndex.put(key, index);
            limits.add(limit);
            mostTogether.add(0);
            columnsUsing.add(new ArrayList<>());
        }
        return index;
    }

    /** Whether a price order {@code o} pays moved after round {@code since}. */
    boolean pricesMoved(int o, int[] changedRound, int since) {
        for (int r : reach[o]) {
            if (changedRound[r] > since) {
                return true;
            }
        }
        return false;
    }

    /** The candidates given without the dominated ones, and the limits that may bind (see {@link DominatedPlans}). */
    DominatedPlans.Kept undominated(List<List<Integer>> candidates) {
        double[] cost = new double[all.size()];
        int[][] resources = new int[all.size()][];
        int[][] units = new int[all.size()][];
        for (int c = 0; c < cost.length; c++) {
            cost[c] = all.get(c).cost;
            resources[c] = all.get(c).resources;
            units[c] = all.get(c).units;
        }
        return DominatedPlans.prune(candidates, cost, resources, units, limitsLeft());
    }

    /** Each limit as it stands before any choice: a fresh array for a choice to take its plans from. */
    int[] limitsLeft() {
        return limits.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] starts() {
        return startColumn.clone();
    }

    double valueOfLimits(double[] price) {
        double value = 0;
        for (int r = 0; r < price.length; r++) {
            value += price[r] * limits.get(r);
        }
        return value;
    }

    ShadowPrices shadowPrices(double[] price) {
        Map<String, Integer> index = Map.copyOf(resourceIndex);
        return (nodeId, sku) -> at(price, index.get(nodeId + "|" + sku))
                + at(price, index.get(nodeId + "|" + LagrangianBound.CAPACITY));
    }

    private static double at(double[] price, Integer r) {
        return r == null ? 0 : price[r];
    }

    List<List<Integer>> byOrder() {
        List<List<Integer>> candidates = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            candidates.add(new ArrayList<>());
        }
        for (int c = 0; c < all.size(); c++) {
            candidates.get(all.get(c).order).add(c);
        }
        return candidates;
    }

    double costOf(int[] chosen) {
        double cost = 0;
        for (int c : chosen) {
            cost += all.get(c).cost;
        }
        return cost;
    }

    /** Order {@code p} on the stock and capacity {@code left}, with {@code prices} charged per unit. */
    AllocationProblem residual(AllocationProblem p, int[] left, ShadowPrices prices) {
        AllocationRequest request = p.request();
        List<Node> nodes = request.nodes().stream().map(n -> {
            Integer r = resourceIndex.get(n.id() + "|" + LagrangianBound.CAPACITY);
            return r == null ? n : n.withRemainingCapacity(left[r], n.remainingShipmentsToday());
        }).toList();
        AtpSnapshot rest = (nodeId, sku) -> {
            Integer r = resourceIndex.get(nodeId + "|" + sku);
            return r == null ? 0 : left[r];
        };
        return AllocationProblem.of(request.on(nodes, rest), prices);
    }

    /** A candidate plan of one order: its units, exact cost and the stock and capacity it uses. */
    record Column(int order, int[][] take, double cost, int[] resources, int[] units) {

        boolean fits(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                if (units[k] > left[resources[k]]) {
                    return false;
                }
            }
            return true;
        }

        void take(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                left[resources[k]] -= units[k];
            }
        }

        void give(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                left[resources[k]] += units[k];
            }
        }

        /** Its cost plus what its stock and capacity are worth at {@code price}. */
        double pricedCost(double[] price) {
            double priced = cost;
            for (int k = 0; k < resources.length; k++) {
                priced += price[resources[k]] * units[k];
            }
            return priced;
        }
    }

    /** A plan's units per line and node, as a key: equal when the units are. */
    private record Take(int[][] units) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Take other && Arrays.deepEquals(units, other.units);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(units);
        }
    }
}
