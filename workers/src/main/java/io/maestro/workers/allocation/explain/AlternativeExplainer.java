package io.maestro.workers.allocation.explain;

import io.maestro.workers.allocation.cost.ShipmentCoster;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Ineligibility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes the plan passed over, each with the reason it lost: for a node that could have served the order,
 * the cheapest plan that uses it (the whole order from it, or one of the plan's parcels moved to it) and how
 * much more that costs, rule by rule; for the others, what stopped them.
 */
public final class AlternativeExplainer {

    static final int MAX_COSTED = 3;
    static final int MAX_UNABLE = 3;
    private static final double CENT = 0.005;
    /** The rules of {@link CostBreakdown#byRule()}. */
    private static final int RULES = 6;

    /** The cheapest plan using a passed-over node: the whole order from it, or one parcel moved to it. */
    private record Costed(Node node, int index, int movedFrom, double cost, double miles) {
        static final int WHOLE_ORDER = -1;
    }

    private record Unable(Node node, int index, String reason, double miles) {
    }

    /** The chosen plan's parcels, to price alternatives without rebuilding whole plans. */
    private static final class Parcels {
        final double total;
        final double[] weight;
        final double[] volume;
        final int[] units;
        /** [node]: the goods of the parcel from that node. */
        final int[] goods;
        final double[] cost;
        /** [node]: units per SKU of the parcel from that node (null for nodes that ship nothing). */
        final int[][] skuUnits;
        final List<Integer> used = new ArrayList<>();
        final double orderWeight;
        final double orderVolume;
        final int orderUnits;

        Parcels(AllocationProblem p, int[][] chosen) {
            total = p.evaluate(chosen);
            weight = new double[p.nodes.length];
            volume = new double[p.nodes.length];
            units = new int[p.nodes.length];
            goods = new int[p.nodes.length];
            cost = new double[p.nodes.length];
            skuUnits = new int[p.nodes.length][];
            double w = 0;
            double v = 0;
            for (int i = 0; i < p.lines.length; i++) {
                w += p.qty[i] * p.unitWeight[i];
                v += p.qty[i] * p.unitVolume[i];
                for (int n = 0; n < p.nodes.length; n++) {
                    weight[n] += chosen[i][n] * p.unitWeight[i];
                    volume[n] += chosen[i][n] * p.unitVolume[i];
                    units[n] += chosen[i][n];
                    goods[n] |= chosen[i][n] > 0 ? p.goods[i] : 0;
                }
            }
            orderWeight = w;
            orderVolume = v;
            orderUnits = p.totalUnits;
            for (int n = 0; n < p.nodes.length; n++) {
                if (units[n] > 0) {
                    used.add(n);
                    cost[n] = p.coster.cost(n, weight[n], volume[n], units[n], goods[n]);
                    skuUnits[n] = new int[p.skuDemand.length];
                    for (int i = 0; i < p.lines.length; i++) {
                        skuUnits[n][p.sku[i]] += chosen[i][n];
                    }
                }
            }
        }
    }

    private AlternativeExplainer() {
    }

    public static List<RejectedAlternative> explain(AllocationProblem p, int[][] chosen, AllocationPlan plan) {
        Parcels parcels = new Parcels(p, chosen);
        Order order = p.request.order();
        Costed[] costed = new Costed[MAX_COSTED];
        Unable[] unable = new Unable[MAX_UNABLE];
        int costedCount = 0;
        int unableCount = 0;
        int next = 0;
        for (Node node : p.request.nodes()) {
            // the problem's nodes are the request's eligible ones, in the request's order
            boolean eligible = next < p.nodes.length && p.nodes[next] == node;
            int n = eligible ? next++ : -1;
            if (!eligible) {
                Optional<String> reason = Ineligibility.reason(node, order, p.request.policy());
                if (reason.isPresent() && !reason.get().equals(Ineligibility.NOT_PICKUP_NODE)) {
                    unableCount = keepNearest(unable, unableCount,
                            new Unable(node, -1, reason.get(), node.location().milesTo(order.shipTo())));
                }
            } else if (parcels.units[n] == 0) {
                double beat = costedCount < MAX_COSTED ? Double.POSITIVE_INFINITY : costed[MAX_COSTED - 1].cost;
                Costed alternative = cheapestUsing(p, parcels, node, n, beat);
                if (alternative == null) {
                    unableCount = keepNearest(unable, unableCount, new Unable(node, n, null, p.miles[n]));
                } else if (alternative != UNCOSTED) {
                    costedCount = keepCheapest(costed, costedCount, alternative);
                }
            }
        }
        List<RejectedAlternative> result = new ArrayList<>();
        for (int c = 0; c < costedCount; c++) {
            ShipmentCoster.Costing parcel = parcelOf(p, parcels, costed[c]);
            CostBreakdown delta = delta(p, parcels, plan, costed[c], parcel);
            result.add(new RejectedAlternative(costed[c].node.id(), costed[c].node.name(), delta.total(),
                    parcel.etaDays(), describe(delta)));
        }
        for (int u = 0; u < unableCount; u++) {
            Unable at = unable[u];
            result.add(new RejectedAlternative(at.node.id(), at.node.name(), Double.NaN,
                    at.reason != null ? at.reason : shortfall(p, parcels, chosen, at.index)));
        }
        return result;
    }

    /**
     * Keeps {@code best} the cheapest alternatives seen, by cost then distance, the earlier first on a full tie
     * (as a stable sort of all of them would list them); returns how many it holds.
     */
    private static int keepCheapest(Costed[] best, int count, Costed candidate) {
        int at = count;
        while (at > 0 && (candidate.cost < best[at - 1].cost
                || candidate.cost == best[at - 1].cost && candidate.miles < best[at - 1].miles)) {
            at--;
        }
        return insert(best, count, at, candidate);
    }

    /** Keeps {@code nearest} the nearest nodes that cannot serve, the earlier first on a tie. */
    private static int keepNearest(Unable[] nearest, int count, Unable candidate) {
        int at = count;
        while (at > 0 && candidate.miles < nearest[at - 1].miles) {
            at--;
        }
        return insert(nearest, count, at, candidate);
    }

    private static <T> int insert(T[] kept, int count, int at, T item) {
        if (at >= kept.length) {
            return count;
        }
        int last = Math.min(count, kept.length - 1);
        System.arraycopy(kept, at, kept, at + 1, last - at);
        kept[at] = item;
        return Math.min(count + 1, kept.length);
    }

    /**
     * What the alternative costs more than the plan, rule by rule: the whole order from its node instead of the
     * plan, or the moved parcel from its new node instead of its old one (the other parcels, the split penalty
     * and what stays unfilled are the same).
     */
    private static CostBreakdown delta(AllocationProblem p, Parcels parcels, AllocationPlan plan, Costed c,
                                       ShipmentCoster.Costing parcel) {
        if (c.movedFrom == Costed.WHOLE_ORDER) {
            CostBreakdown whole = parcel.breakdown().withSplit(p.rules.splitPenalty(1))
                    .withUnfilled(p.rules.unfilledPenalty(0));
            return whole.minus(plan.breakdown());
        }
        int m = c.movedFrom;
        return parcel.breakdown().minus(p.coster.costing(m, parcels.weight[m], parcels.volume[m], parcels.units[m],
                parcels.goods[m]).breakdown());
    }

    /**
     * The alternative's parcel from its node, with its carrier service and arrival: the whole order, or the parcel
     * moved there.
     */
    private static ShipmentCoster.Costing parcelOf(AllocationProblem p, Parcels parcels, Costed c) {
        return c.movedFrom == Costed.WHOLE_ORDER
                ? p.coster.costing(c.index, parcels.orderWeight, parcels.orderVolume, parcels.orderUnits, p.orderGoods)
                : p.coster.costing(c.index, parcels.weight[c.movedFrom], parcels.volume[c.movedFrom],
                        parcels.units[c.movedFrom], parcels.goods[c.movedFrom]);
    }

    /** Stands for a node that could serve but whose every plan costs more than {@code beat}, left unpriced. */
    private static final Costed UNCOSTED = new Costed(null, -1, Costed.WHOLE_ORDER, Double.NaN, Double.NaN);

    /**
     * The cheapest plan using node {@code n}, null when none can, or {@link #UNCOSTED} when every plan using it
     * is dearer than {@code beat} by the linear floor of its parcel (the exact price is then not needed).
     */
    private static Costed cheapestUsing(AllocationProblem p, Parcels parcels, Node node, int n, double beat) {
        Costed best = null;
        boolean feasible = false;
        if (p.canShipWhole(n)) {
            feasible = true;
            if (p.coster.floor(n, parcels.orderWeight, parcels.orderUnits) <= beat) {
                best = new Costed(node, n, Costed.WHOLE_ORDER,
                        p.coster.cost(n, parcels.orderWeight, parcels.orderVolume, parcels.orderUnits, p.orderGoods),
                        p.miles[n]);
            }
        }
        for (int m : parcels.used) {
            if (canTakeParcel(p, parcels, m, n)) {
                feasible = true;
                double others = parcels.total - parcels.cost[m];
                if (others + p.coster.floor(n, parcels.weight[m], parcels.units[m]) > beat) {
                    continue;
                }
                double cost = others + p.coster.cost(n, parcels.weight[m], parcels.volume[m], parcels.units[m],
                        parcels.goods[m]);
                if (best == null || cost < best.cost) {
                    best = new Costed(node, n, m, cost, p.miles[n]);
                }
            }
        }
        return best != null || !feasible ? best : UNCOSTED;
    }

    /**
     * Whether node {@code to} has the stock and capacity for the parcel (one test at the end, see
     * {@link AllocationProblem#canShipWhole}).
     */
    private static boolean canTakeParcel(AllocationProblem p, Parcels parcels, int from, int to) {
        int[] skuUnits = parcels.skuUnits[from];
        int[] stock = p.avail[to];
        int least = p.capUnits[to] - parcels.units[from];
        for (int s = 0; s < skuUnits.length; s++) {
            least = Math.min(least, stock[s] - skuUnits[s]);
        }
        return least >= 0;
    }

    private static String shortfall(AllocationProblem p, Parcels parcels, int[][] chosen, int n) {
        int[] needed = new int[p.skuDemand.length];
        String[] names = new String[p.skuDemand.length];
        int units = 0;
        boolean anyFilled = !parcels.used.isEmpty();
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
        // the rules that moved by a cent or more, dearest first, in the breakdown's order on a tie
        String[] rule = new String[RULES];
        double[] value = new double[RULES];
        int moved = 0;
        for (Map.Entry<String, Double> e : delta.byRule().entrySet()) {
            double v = e.getValue();
            if (Math.abs(v) >= CENT) {
                int at = moved++;
                while (at > 0 && Double.compare(value[at - 1], v) < 0) {
                    rule[at] = rule[at - 1];
                    value[at] = value[at - 1];
                    at--;
                }
                rule[at] = e.getKey();
                value[at] = v;
            }
        }
        if (Math.abs(delta.total()) < CENT && moved == 0) {
            return "same cost, lost the tie-break";
        }
        if (moved == 1) {
            return money(delta.total()) + " " + rule[0];
        }
        StringBuilder text = new StringBuilder(money(delta.total())).append(": ");
        for (int r = 0; r < moved; r++) {
            text.append(r == 0 ? "" : ", ").append(rule[r]).append(' ').append(money(value[r]));
        }
        return text.toString();
    }

    static String money(double value) {
        String sign = value < 0 ? "-" : "+";
        return sign + "$" + BigDecimal.valueOf(Math.abs(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
