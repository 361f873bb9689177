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

    private record Candidate(RejectedAlternative alternative, double miles) {
    }

    private AlternativeExplainer() {
    }

    static List<RejectedAlternative> explain(AllocationProblem p, int[] chosen, AllocationPlan plan) {
        Map<String, Integer> eligibleIndex = new HashMap<>();
        for (int n = 0; n < p.nodes.length; n++) {
            eligibleIndex.put(p.nodes[n].id(), n);
        }
        Set<Integer> used = new HashSet<>();
        for (int n : chosen) {
            if (n != AllocationProblem.UNFILLED) {
                used.add(n);
            }
        }
        Order order = p.request.order();
        List<Candidate> costed = new ArrayList<>();
        List<Candidate> unable = new ArrayList<>();
        for (Node node : p.request.nodes()) {
            double miles = node.location().milesTo(order.shipTo());
            Integer n = eligibleIndex.get(node.id());
            if (n == null) {
                Optional<String> reason = Ineligibility.reason(node, order, p.request.policy());
                reason.filter(r -> !r.equals(Ineligibility.NOT_PICKUP_NODE)).ifPresent(r -> unable.add(
                        new Candidate(new RejectedAlternative(node.id(), node.name(), Double.NaN, r), miles)));
                continue;
            }
            if (used.contains(n)) {
                continue;
            }
            int[] alternative = cheapestUsing(p, chosen, n);
            if (alternative == null) {
                unable.add(new Candidate(new RejectedAlternative(node.id(), node.name(), Double.NaN,
                        shortfall(p, chosen, n)), miles));
            } else {
                CostBreakdown delta = PlanBuilder.build(p, alternative).breakdown().minus(plan.breakdown());
                costed.add(new Candidate(new RejectedAlternative(node.id(), node.name(), delta.total(),
                        describe(delta)), miles));
            }
        }
        costed.sort(Comparator.comparingDouble((Candidate c) -> c.alternative.costDelta()).thenComparing(Candidate::miles));
        unable.sort(Comparator.comparingDouble(Candidate::miles));
        List<RejectedAlternative> result = new ArrayList<>();
        costed.stream().limit(MAX_COSTED).forEach(c -> result.add(c.alternative));
        unable.stream().limit(MAX_UNABLE).forEach(c -> result.add(c.alternative));
        return result;
    }

    private static int[] cheapestUsing(AllocationProblem p, int[] chosen, int n) {
        List<int[]> tries = new ArrayList<>();
        int[] whole = SingleNodeOrGreedyAllocator.wholeOrderFrom(p, n);
        if (whole != null) {
            tries.add(whole);
        }
        Set<Integer> parcels = new HashSet<>();
        for (int m : chosen) {
            if (m != AllocationProblem.UNFILLED && parcels.add(m)) {
                int[] moved = chosen.clone();
                for (int i = 0; i < moved.length; i++) {
                    if (moved[i] == m) {
                        moved[i] = n;
                    }
                }
                tries.add(moved);
            }
        }
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int[] t : tries) {
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

    private static String shortfall(AllocationProblem p, int[] chosen, int n) {
        boolean anyFilled = false;
        for (int m : chosen) {
            anyFilled |= m != AllocationProblem.UNFILLED;
        }
        Map<Integer, Integer> needed = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        int units = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (!anyFilled || chosen[i] != AllocationProblem.UNFILLED) {
                needed.merge(p.sku[i], p.qty[i], Integer::sum);
                names.put(p.sku[i], p.lines[i].sku());
                units += p.qty[i];
            }
        }
        List<String> lacks = new ArrayList<>();
        needed.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int has = p.avail[n][e.getKey()];
            if (has < e.getValue()) {
                lacks.add(names.get(e.getKey()) + " (" + has + " of " + e.getValue() + ")");
            }
        });
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
