package io.maestro.workers.allocation.cost;

import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.Goods;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.ServiceQuote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Costs one parcel from one node to the order's destination, on the carrier terms of the goods it carries: one
 * set of carrier lanes per {@link Goods} combination the order's parcels can have (each decided once per order),
 * so a parcel of a mixed order that carries no hazardous unit pays no hazmat surcharge. The floors hold for a
 * parcel of any of those combinations.
 */
public final class ShipmentCoster {

    /** The chosen service for a parcel and what each rule charges for it. */
    public record Costing(ServiceQuote quote, int etaDays, CostBreakdown breakdown) {
        public double total() {
            return breakdown.total();
        }
    }

    /** [goods]: the coster of parcels of that combination; the same one for combinations priced alike. */
    private final GoodsCoster[] byGoods = new GoodsCoster[Goods.KINDS];
    /** The distinct costers, for the floors. */
    private final GoodsCoster[] distinct;
    /** [node]: the least {@link #linearFixed} of the distinct costers, when there are several. */
    private final double[] fixed;

    /** Every parcel priced with {@code cards}, whatever it carries. */
    public ShipmentCoster(CostRules rules, Node[] nodes, double[] miles, Order order, List<RateCard> cards) {
        GoodsCoster only = new GoodsCoster(rules, nodes, miles, order, cards);
        Arrays.fill(byGoods, only);
        this.distinct = new GoodsCoster[] {only};
        this.fixed = null;
    }

    /** The coster of {@code request}'s order: a parcel's cards are those of its goods. */
    public ShipmentCoster(CostRules rules, Node[] nodes, double[] miles, AllocationRequest request) {
        Order order = request.order();
        boolean[] reachable = Goods.reachable(order.lines());
        List<List<RateCard>> seen = new ArrayList<>();
        List<GoodsCoster> made = new ArrayList<>();
        GoodsCoster fallback = null;
        for (int g = 0; g < Goods.KINDS; g++) {
            if (!reachable[g]) {
                continue;
            }
            List<RateCard> cards = request.cards(g);
            int at = indexOfSame(seen, cards);
            if (at < 0) {
                seen.add(cards);
                made.add(new GoodsCoster(rules, nodes, miles, order, cards));
                at = made.size() - 1;
            }
            byGoods[g] = made.get(at);
            fallback = fallback == null ? byGoods[g] : fallback;
        }
        for (int g = 0; g < Goods.KINDS; g++) {
            byGoods[g] = byGoods[g] == null ? fallback : byGoods[g];
        }
        this.distinct = made.toArray(GoodsCoster[]::new);
        if (distinct.length > 1) {
            this.fixed = new double[nodes.length];
            for (int n = 0; n < nodes.length; n++) {
                double least = Double.POSITIVE_INFINITY;
                for (GoodsCoster coster : distinct) {
                    least = Math.min(least, coster.linearFixed(n));
                }
                fixed[n] = least;
            }
        } else {
            this.fixed = null;
        }
    }

    private static int indexOfSame(List<List<RateCard>> seen, List<RateCard> cards) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i) == cards || seen.get(i).equals(cards)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The weighted cost of a parcel of {@code weightLb}, {@code volumeCm3} (for the dimensional weight) and
     * {@code units} of {@code goods} from node {@code n}.
     */
    public double cost(int n, double weightLb, double volumeCm3, int units, int goods) {
        return byGoods[goods].cost(n, weightLb, volumeCm3, units);
    }

    /** The same parcel with its chosen service and the rule-by-rule costs. */
    public Costing costing(int n, double weightLb, double volumeCm3, int units, int goods) {
        return byGoods[goods].costing(n, weightLb, volumeCm3, units);
    }

    /**
     * A linear under-estimate of a parcel from node {@code n}, whatever its goods: it never costs less than this
     * fixed part plus {@link #linearPerUnit} for each unit. Used by the wave model.
     */
    public double linearFixed(int n) {
        return fixed == null ? distinct[0].linearFixed(n) : fixed[n];
    }

    /**
     * What a parcel of {@code weightLb} and {@code units} from node {@code n} costs at least, whatever its goods and
     * volume (a dimensional weight only raises the price).
     */
    public double floor(int n, double weightLb, int units) {
        if (distinct.length == 1) {
            return distinct[0].floor(n, weightLb, units);
        }
        double least = Double.POSITIVE_INFINITY;
        for (GoodsCoster coster : distinct) {
            least = Math.min(least, coster.floor(n, weightLb, units));
        }
        return least;
    }

    public double linearPerUnit(int n, double unitWeightLb) {
        if (distinct.length == 1) {
            return distinct[0].linearPerUnit(n, unitWeightLb);
        }
        double least = Double.POSITIVE_INFINITY;
        for (GoodsCoster coster : distinct) {
            least = Math.min(least, coster.linearPerUnit(n, unitWeightLb));
        }
        return least;
    }

    /** The least a line of {@code weightLb} and {@code units} adds to any parcel from node {@code n}. */
    public double marginalFloor(int n, double weightLb, int units) {
        if (distinct.length == 1) {
            return distinct[0].marginalFloor(n, weightLb, units);
        }
        double least = Double.POSITIVE_INFINITY;
        for (GoodsCoster coster : distinct) {
            least = Math.min(least, coster.marginalFloor(n, weightLb, units));
        }
        return least;
    }
}
