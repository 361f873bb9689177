package io.maestro.workers.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's allocation decision in array form: which eligible node (or none) ships each line.
 * An assignment is an {@code int[]} with the eligible node index of every line, or {@link #UNFILLED}.
 */
public final class AllocationProblem {

    public static final int UNFILLED = -1;

    final AllocationRequest request;
    final CostRules rules;
    final OrderLine[] lines;
    final Node[] nodes;
    final double[] miles;
    final int[] qty;
    final double[] weight;
    final int[] sku;
    final int[][] avail;
    final int[] capUnits;
    final int[][] options;
    final double[] unfilledCost;
    final double[][] floor;
    final int maxShipments;
    final boolean allOrNothing;
    final ShipmentCoster coster;

    private AllocationProblem(AllocationRequest request) {
        this.request = request;
        Order order = request.order();
        Policy policy = request.policy();
        this.rules = new CostRules(policy);
        this.lines = order.lines().toArray(OrderLine[]::new);
        this.nodes = request.nodes().stream()
                .filter(n -> Ineligibility.reason(n, order, policy).isEmpty())
                .toArray(Node[]::new);
        this.miles = Arrays.stream(nodes).mapToDouble(n -> n.location().milesTo(order.shipTo())).toArray();
        this.maxShipments = order.shipComplete() || !policy.splitAllowed() ? 1 : policy.maxShipments();
        this.allOrNothing = order.shipComplete();
        this.coster = new ShipmentCoster(rules, nodes, miles, order, request.rateCards());

        Map<String, Integer> skuIndex = new LinkedHashMap<>();
        int lineCount = lines.length;
        this.qty = new int[lineCount];
        this.weight = new double[lineCount];
        this.sku = new int[lineCount];
        this.unfilledCost = new double[lineCount];
        for (int i = 0; i < lineCount; i++) {
            qty[i] = lines[i].quantity();
            weight[i] = lines[i].weightLb();
            sku[i] = skuIndex.computeIfAbsent(lines[i].sku(), s -> skuIndex.size());
            unfilledCost[i] = rules.unfilledPenalty(qty[i]);
        }
        List<String> skus = new ArrayList<>(skuIndex.keySet());
        this.avail = new int[nodes.length][skus.size()];
        this.capUnits = new int[nodes.length];
        this.floor = new double[nodes.length][lineCount];
        for (int n = 0; n < nodes.length; n++) {
            capUnits[n] = nodes[n].remainingUnitsToday();
            for (int s = 0; s < skus.size(); s++) {
                avail[n][s] = Math.max(0, request.atp().available(nodes[n].id(), skus.get(s)));
            }
            for (int i = 0; i < lineCount; i++) {
                floor[n][i] = coster.marginalFloor(n, weight[i], qty[i], request.rateCards());
            }
        }
        this.options = new int[lineCount][];
        for (int i = 0; i < lineCount; i++) {
            final int line = i;
            double[] alone = new double[nodes.length];
            List<Integer> serving = new ArrayList<>();
            for (int n = 0; n < nodes.length; n++) {
                if (canServe(n, i)) {
                    serving.add(n);
                    alone[n] = coster.cost(n, weight[line], qty[line]);
                }
            }
            options[i] = serving.stream()
                    .sorted(Comparator.<Integer>comparingDouble(n -> alone[n]).thenComparing(n -> n))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    public static AllocationProblem of(AllocationRequest request) {
        return new AllocationProblem(request);
    }

    public AllocationRequest request() {
        return request;
    }

    public int lineCount() {
        return lines.length;
    }

    /** Whether node {@code n} alone has the stock and capacity for line {@code i}. */
    boolean canServe(int n, int i) {
        return avail[n][sku[i]] >= qty[i] && capUnits[n] >= qty[i];
    }

    /** The objective of a feasible assignment: all rules, weighted by the policy. */
    public double evaluate(int[] assign) {
        double[] w = new double[nodes.length];
        int[] u = new int[nodes.length];
        boolean[] open = new boolean[nodes.length];
        double total = 0;
        int shipments = 0;
        for (int i = 0; i < assign.length; i++) {
            int n = assign[i];
            if (n == UNFILLED) {
                total += unfilledCost[i];
            } else {
                w[n] += weight[i];
                u[n] += qty[i];
                if (!open[n]) {
                    open[n] = true;
                    shipments++;
                }
            }
        }
        for (int n = 0; n < nodes.length; n++) {
            if (open[n]) {
                total += coster.cost(n, w[n], u[n]);
            }
        }
        return total + rules.splitPenalty(shipments);
    }

    /** Whether an assignment keeps to ATP, node capacity, the shipment limit and ship-complete. */
    public boolean feasible(int[] assign) {
        if (assign.length != lines.length) {
            return false;
        }
        int[][] used = new int[nodes.length][avail.length == 0 ? 0 : avail[0].length];
        int[] units = new int[nodes.length];
        boolean[] open = new boolean[nodes.length];
        int shipments = 0;
        int filled = 0;
        for (int i = 0; i < assign.length; i++) {
            int n = assign[i];
            if (n == UNFILLED) {
                continue;
            }
            if (n < 0 || n >= nodes.length) {
                return false;
            }
            filled++;
            used[n][sku[i]] += qty[i];
            units[n] += qty[i];
            if (used[n][sku[i]] > avail[n][sku[i]] || units[n] > capUnits[n]) {
                return false;
            }
            if (!open[n]) {
                open[n] = true;
                shipments++;
            }
        }
        if (shipments > maxShipments) {
            return false;
        }
        return !allOrNothing || filled == 0 || filled == assign.length;
    }

    int[] allUnfilled() {
        int[] assign = new int[lines.length];
        Arrays.fill(assign, UNFILLED);
        return assign;
    }
}
