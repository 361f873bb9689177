package io.maestro.workers.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes the plan passed over, each with the reason it lost: for a node that could have served the order,
 * the cheapest plan that uses it (the whole order from it, or one of the plan's parcels moved to it) and how
 * much more that costs, rule by rule; for the others, what stopped them.
 */
final class AlternativeExplainer {

    static final int MAX_COSTED = 3;
    static final int MAX_UNABLE = 3;
    private static final double CENT = 0.005;

    private record Costed(Node node, int[][] take, double cost, double miles) {
    }

    private record Unable(Node node, int index, String reason, double miles) {
    }

    private AlternativeExplainer() {
    }

    static List<RejectedAlternative> explain(AllocationProblem p, int[][] chosen, AllocationPlan plan) {
        Map<String, Integer> eligibleIndex = new HashMap<>();
        for (int n = 0; n < p.nodes.length; n++) {
            eligibleIndex.put(p.nodes[n].id(), n);
        }
        Set<Integer> used = usedNodes(p, chosen);
        Order order = p.request.order();
        List<Costed> costed = new ArrayList<>();
        List<Unable> unable = new ArrayList<>();
        for (Node node : p.request.nodes()) {
            Integer n = eligibleIndex.get(node.id());
            if (n == null) {
                Optional<String> reason = Ineligibility.reason(node, order, p.request.policy());
                if (reason.isPresent() && !reason.get().equals(Ineligibility.NOT_PICKUP_NODE)) {
                    unable.add(new Unable(node, -1, reason.get(), node.location().milesTo(order.shipTo())));
                }
            } else if (!used.contains(n)) {
                int[][] alternative = cheapestUsing(p, chosen, n);
                if (alternative == null) {
                    unable.add(new Unable(node, n, null, p.miles[n]));
                } else {
                    costed.add(new Costed(node, alternative, p.evaluate(alternative), p.miles[n]));
                }
            }
        }
        costed.sort(Comparator.comparingDouble(Costed::cost).thenComparingDouble(Costed::miles));
        unable.sort(Comparator.comparingDouble(Unable::miles));
        List<RejectedAlternative> result = new ArrayList<>();
        costed.stream().limit(MAX_COSTED).forEach(c -> {
            CostBreakdown delta = PlanBuilder.build(p, c.take).breakdown().minus(plan.breakdown());
            result.add(new RejectedAlternative(c.node.id(), c.node.name(), delta.total(), describe(delta)));
        });
        unable.stream().limit(MAX_UNABLE).forEach(u -> result.add(new RejectedAlternative(u.node.id(), u.node.name(),
                Double.NaN, u.reason != null ? u.reason : shortfall(p, chosen, u.index))));
        return result;
    }

    private static Set<Integer> usedNodes(AllocationProblem p, int[][] take) {
        Set<Integer> used = new HashSet<>();
        for (int[] row : take) {
            for (int n = 0; n < p.nodes.length; n++) {
                if (row[n] > 0) {
                    used.add(n);
                }
            }
        }
        return used;
    }

    private static int[][] cheapestUsing(AllocationProblem p, int[][] chosen, int n) {
        List<int[][]> tries = new ArrayList<>();
        int[][] whole = p.wholeOrderFrom(n);
        if (whole != null) {
            tries.add(whole);
        }
        for (int m : usedNodes(p, chosen)) {
            int[][] moved = AllocationProblem.copy(chosen);
            for (int[] row : moved) {
                row[n] += row[m];
                row[m] = 0;
            }
            tries.add(moved);
        }
        int[][] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int[][] t : tries) {
            if (p.feasible(t)) {
                double cost = p.evaluate(t);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = t;
                }
            }
        }
        return best;
    }

    private static String shortfall(AllocationProblem p, int[][] chosen, int n) {
        int[] needed = new int[p.skuDemand.length];
        String[] names = new String[p.skuDemand.length];
        int units = 0;
        boolean anyFilled = !usedNodes(p, chosen).isEmpty();
        for (int i = 0; i < p.lines.length; i++) {
            int shipped = 0;
            for (int m = 0; m < p.nodes.length; m++) {
                shipped += chosen[i][m];
            }
            int wanted = anyFilled ? shipped : p.qty[i];
            needed[p.sku[i]] += wanted;
            names[p.sku[i]] = p.lines[i].sku();
            units += wanted;
        }
        List<String> lacks = new ArrayList<>();
        for (int s = 0; s < needed.length; s++) {
            if (needed[s] > 0 && p.avail[n][s] < needed[s]) {
                lacks.add(names[s] + " (" + p.avail[n][s] + " of " + needed[s] + ")");
            }
        }
        if (!lacks.isEmpty()) {
            return "lacks " + String.join(", ", lacks);
        }
        if (p.capUnits[n] < units) {
            return "at daily capacity (" + p.capUnits[n] + " units left)";
        }
        return "cannot take the order within the parcel limit";
    }

    /** "+$4.10 shipping", or "+$3.10: shipping +$4.10, handling -$1.00" when several rules moved. */
    static String describe(CostBreakdown delta) {
        List<Map.Entry<String, Double>> moved = delta.byRule().entrySet().stream()
                .filter(e -> Math.abs(e.getValue()) >= CENT)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .toList();
        if (Math.abs(delta.total()) < CENT && moved.isEmpty()) {
            return "same cost, lost the tie-break";
        }
        if (moved.size() == 1) {
            return money(delta.total()) + " " + moved.get(0).getKey();
        }
        List<String> parts = moved.stream().map(e -> e.getKey() + " " + money(e.getValue())).toList();
        return money(delta.total()) + ": " + String.join(", ", parts);
    }

    static String money(double value) {
        String sign = value < 0 ? "-" : "+";
        return sign + "$" + String.format(Locale.ROOT, "%.2f", Math.abs(value));
    }
}
