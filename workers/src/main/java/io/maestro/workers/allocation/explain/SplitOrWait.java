package io.maestro.workers.allocation.explain;

import io.maestro.workers.allocation.cost.ShipmentCoster.Costing;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.Shipment;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.PlanBuilder;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two alternatives a person asks about when the plan is one parcel or several: the best split (the cheapest
 * plan of two parcels or more, when the plan ships one and the policy allows more) and the best wait to
 * consolidate (the whole order in one parcel from one node, once that node has what it lacks now, when the plan
 * splits or leaves units for later) — what each would have cost, when it would arrive, and why it lost.
 *
 * <p>The best split is exact: a first split bounds it, and every plan up to that bound is enumerated (the
 * real-time optimiser's {@code plansWithin}); when those are too many to enumerate in a small budget, the first
 * split is reported as "a split". Waiting is priced as the order's policy prices a unit not placed now
 * (the unfilled penalty), the shipping as the whole order's parcel from that node.
 */
public final class SplitOrWait {

    private static final int MAX_PLANS = 500;
    private static final long NODE_BUDGET = 10_000;
    private static final double CENT = 0.005;

    private SplitOrWait() {
    }

    /** The sentences for the timeline, empty when neither alternative applies. */
    public static String describe(AllocationRequest request, AllocationPlan plan) {
        AllocationProblem p = AllocationProblem.of(request);
        StringBuilder text = new StringBuilder();
        if (plan.shipments().size() == 1 && p.maxShipments > 1) {
            bestSplit(p, plan).ifPresent(split -> text.append(describeSplit(split, plan)));
        }
        if (plan.shipments().size() > 1 || !plan.shipments().isEmpty() && plan.unfilledUnits() > 0) {
            String wait = bestWait(p, plan);
            if (!wait.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(wait);
            }
        }
        return text.toString();
    }

    /**
     * The cheapest plan of two parcels or more. A first split — one unit of one line moved from the plan's parcel
     * to the node where that costs least — bounds it; every plan up to that cost is then enumerated, so the
     * cheapest split among them is the best (proven); when they are too many, the first split is reported as one
     * split, not the best.
     */
    static Optional<Split> bestSplit(AllocationProblem p, AllocationPlan plan) {
        int[][] chosen = chosen(p, plan);
        int from = -1;
        int units = 0;
        for (int n = 0; n < p.nodes.length; n++) {
            int shipped = 0;
            for (int[] line : chosen) {
                shipped += line[n];
            }
            if (shipped > 0) {
                from = n;
                units = shipped;
            }
        }
        if (from < 0 || units < 2) {
            return Optional.empty();
        }
        double weight = 0;
        double volume = 0;
        for (int i = 0; i < p.lines.length; i++) {
            weight += chosen[i][from] * p.unitWeight[i];
            volume += chosen[i][from] * p.unitVolume[i];
        }
        // only the two parcels change: the one that gives a unit up and the new one
        int bestLine = -1;
        int bestNode = -1;
        double bestPair = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.lines.length; i++) {
            if (chosen[i][from] == 0) {
                continue;
            }
            chosen[i][from]--;
            int restGoods = p.goodsOf(chosen, from);
            chosen[i][from]++;
            double rest = p.coster.cost(from, weight - p.unitWeight[i], volume - p.unitVolume[i], units - 1,
                    restGoods);
            for (int n = 0; n < p.nodes.length; n++) {
                if (n == from || p.avail[n][p.sku[i]] < 1 || p.capUnits[n] < 1) {
                    continue;
                }
                double pair = rest + p.coster.cost(n, p.unitWeight[i], p.unitVolume[i], 1, p.goods[i]);
                if (pair < bestPair) {
                    bestLine = i;
                    bestNode = n;
                    bestPair = pair;
                }
            }
        }
        if (bestLine < 0) {
            return Optional.empty();
        }
        int[][] first = AllocationProblem.copy(chosen);
        first[bestLine][from]--;
        first[bestLine][bestNode]++;
        if (!p.feasible(first)) {
            return Optional.empty();
        }
        double firstCost = p.evaluate(first);
        Optional<List<int[][]>> within = new BranchAndBoundAllocator(NODE_BUDGET)
                .plansWithin(p, firstCost + CENT, MAX_PLANS);
        if (within.isEmpty()) {
            return Optional.of(new Split(PlanBuilder.build(p, first), false));
        }
        int[][] best = first;
        double bestCost = firstCost;
        for (int[][] take : within.get()) {
            double cost = p.evaluate(take);
            if (parcels(take, p.nodes.length) > 1 && cost < bestCost - CENT) {
                best = take;
                bestCost = cost;
            }
        }
        return Optional.of(new Split(PlanBuilder.build(p, best), true));
    }

    record Split(AllocationPlan plan, boolean best) {
    }

    /** The plan as the problem's units per line and node (its parcels' lines, matched to the problem's lines). */
    private static int[][] chosen(AllocationProblem p, AllocationPlan plan) {
        int[][] take = p.nothing();
        for (Shipment s : plan.shipments()) {
            int n = 0;
            while (!p.nodes[n].id().equals(s.nodeId())) {
                n++;
            }
            for (var line : s.lines()) {
                for (int i = 0; i < p.lines.length; i++) {
                    if (p.lines[i].sku().equals(line.sku()) && take[i][n] < p.qty[i]) {
                        int units = Math.min(line.quantity(), p.qty[i] - take[i][n]);
                        take[i][n] += units;
                        break;
                    }
                }
            }
        }
        return take;
    }

    private static int parcels(int[][] take, int nodes) {
        int count = 0;
        for (int n = 0; n < nodes; n++) {
            for (int[] line : take) {
                if (line[n] > 0) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static String describeSplit(Split found, AllocationPlan plan) {
        AllocationPlan split = found.plan();
        String parcels = split.shipments().stream().map(SplitOrWait::parcel).collect(Collectors.joining(" and "));
        int eta = split.shipments().stream().mapToInt(Shipment::etaDays).max().orElse(0);
        CostBreakdown delta = split.breakdown().minus(plan.breakdown());
        return String.format(Locale.ROOT, "%s: %s, $%.2f, the last parcel arriving in %s; %s.",
                found.best() ? "Best split" : "A split", parcels, split.totalCost(), days(eta), whyItLost(delta));
    }

    private static String parcel(Shipment s) {
        return s.nodeName() + " " + s.lines().stream().map(l -> l.quantity() + " × " + l.sku())
                .collect(Collectors.joining(", "));
    }

    /**
     * The whole order in one parcel from the node where that costs least, waiting for what the node lacks now;
     * a node that has all of it ships it now.
     */
    private static String bestWait(AllocationProblem p, AllocationPlan plan) {
        double weight = 0;
        double volume = 0;
        for (int i = 0; i < p.lines.length; i++) {
            weight += p.qty[i] * p.unitWeight[i];
            volume += p.qty[i] * p.unitVolume[i];
        }
        int best = -1;
        boolean bestLacks = false;
        CostBreakdown bestCost = null;
        Costing bestCosting = null;
        for (int n = 0; n < p.nodes.length; n++) {
            int lacking = lacking(p, n);
            if (lacking == p.totalUnits) {
                continue;
            }
            Costing costing = p.coster.costing(n, weight, volume, p.totalUnits, p.orderGoods);
            CostBreakdown cost = costing.breakdown().withSplit(p.rules.splitPenalty(1))
                    .withUnfilled(p.rules.unfilledPenalty(lacking));
            if (bestCost == null || cost.total() < bestCost.total() - 1e-9) {
                best = n;
                bestLacks = lacking > 0;
                bestCost = cost;
                bestCosting = costing;
            }
        }
        if (best < 0) {
            return "";
        }
        CostBreakdown delta = bestCost.minus(plan.breakdown());
        if (delta.total() < 0) {
            return "";
        }
        String node = p.nodes[best].name();
        if (!bestLacks) {
            return String.format(Locale.ROOT, "One parcel from %s: $%.2f, arriving in %s; %s.", node,
                    bestCost.total(), days(bestCosting.etaDays()), whyItLost(delta));
        }
        return String.format(Locale.ROOT, "Waiting to ship it all in one parcel from %s, which lacks %s now: $%.2f, "
                        + "arriving %s after the missing units reach it; %s.", node, lacks(p, best),
                bestCost.total(), days(bestCosting.etaDays()), whyItLost(delta));
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }

    private static int lacking(AllocationProblem p, int n) {
        int lacking = 0;
        int[] wanted = wanted(p);
        for (int s = 0; s < wanted.length; s++) {
            lacking += Math.max(0, wanted[s] - p.avail[n][s]);
        }
        return lacking;
    }

    /** "1 × MUG-WHT, 2 × CAP-RED": what node {@code n} lacks of the order now. */
    private static String lacks(AllocationProblem p, int n) {
        int[] wanted = wanted(p);
        String[] names = new String[wanted.length];
        for (int i = 0; i < p.lines.length; i++) {
            names[p.sku[i]] = p.lines[i].sku();
        }
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < wanted.length; s++) {
            if (wanted[s] > p.avail[n][s]) {
                text.append(text.isEmpty() ? "" : ", ").append(wanted[s] - p.avail[n][s]).append(" × ").append(names[s]);
            }
        }
        return text.toString();
    }

    private static int[] wanted(AllocationProblem p) {
        int[] wanted = new int[p.skuDemand.length];
        for (int i = 0; i < p.lines.length; i++) {
            wanted[p.sku[i]] += p.qty[i];
        }
        return wanted;
    }

    /** "it costs $2.70 more (handling +$4.10, shipping -$1.40)": units not shipped now named as waiting. */
    private static String whyItLost(CostBreakdown delta) {
        if (Math.abs(delta.total()) < 0.005) {
            return "it costs the same, and the plan won the tie";
        }
        String described = AlternativeExplainer.describe(delta).replace("unfilled", "waiting for stock");
        int colon = described.indexOf(": ");
        if (colon < 0) {
            int space = described.indexOf(' ');
            return "it costs " + described.substring(1, space) + " more (" + described.substring(space + 1) + ")";
        }
        return "it costs " + described.substring(1, colon) + " more (" + described.substring(colon + 2) + ")";
    }
}
