package io.maestro.workers.allocation.cost;

import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.ServiceQuote;
import io.maestro.workers.allocation.cost.ShipmentCoster.Costing;
import java.util.List;

/**
 * Costs one parcel of one goods combination from one node to the order's destination, with the cards its
 * carrier terms allow. For each node the services that meet the promise are known up front (all services when
 * none does); a parcel takes the cheapest of them once price, carbon and lateness are counted.
 */
final class GoodsCoster {

    private static final String PICKUP_CARRIER = "Customer pickup";
    private static final double FLOOR_TOLERANCE = 1e-7;
    /** A card may round a price to the cent below its plane. */
    private static final double CENT = 0.01;

    private final CostRules rules;
    private final Node[] nodes;
    private final double[] miles;
    private final boolean pickup;
    private final int promiseDays;
    /**
     * [node × services + option]: the services a parcel from the node may take (the first {@code optionCount[node]}
     * of its slots), with their lanes, carriers, transit days and lateness.
     */
    private final int services;
    private final int[] optionCount;
    private final RateCard.Lane[] lanes;
    /** [slot]: which of the cards' services it is, an index into {@code cardOf} and {@code serviceOf}. */
    private final int[] serviceAt;
    private final RateCard[] cardOf;
    private final Service[] serviceOf;
    private final int[] transitDays;
    private final double[] lateness;
    /** [node]: the least any card's price rises per unit, and its emissions per lb, over the node's distance. */
    private final double[] unitPriceFloor;
    private final double[] co2PerLbFloor;
    /** [node]: the least price rise per lb of any service that meets the promise. */
    private final double[] pricePerLbFloor;
    /** [node]: weighted, what a unit adds at least (handling and unit price), and per lb (carbon; and price, on the plane). */
    private final double[] marginalPerUnit;
    private final double[] marginalPerLb;
    private final double[] planePerLb;
    /** [node]: {@link #linearFixed}. */
    private final double[] fixed;
    /**
     * [node × services + k]: the node's service slots by their price floor's fixed part, cheapest first; a slot
     * costs at least {@code slotFloor + slotFloorPerLb × lb}, so {@link #cost} prices only the slots that can win.
     */
    private final int[] byFloor;
    private final double[] slotFloor;
    private final double[] slotFloorPerLb;

    GoodsCoster(CostRules rules, Node[] nodes, double[] miles, Order order, List<RateCard> cards) {
        this.rules = rules;
        this.nodes = nodes;
        this.miles = miles;
        this.pickup = order.deliveryOption().isPickup();
        this.promiseDays = order.promiseDays();
        int perNode = 0;
        for (RateCard card : cards) {
            perNode += card.services().size();
        }
        this.services = perNode;
        this.optionCount = new int[nodes.length];
        this.lanes = new RateCard.Lane[nodes.length * perNode];
        this.serviceAt = new int[lanes.length];
        this.cardOf = new RateCard[perNode];
        this.serviceOf = new Service[perNode];
        int slot = 0;
        for (RateCard card : cards) {
            for (Service service : card.services()) {
                cardOf[slot] = card;
                serviceOf[slot++] = service;
            }
        }
        this.transitDays = new int[lanes.length];
        this.lateness = new double[lanes.length];
        boolean[] onTime = new boolean[perNode];
        this.unitPriceFloor = new double[nodes.length];
        this.co2PerLbFloor = new double[nodes.length];
        this.pricePerLbFloor = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            if (!pickup) {
                servicesFor(n, cards, onTime);
            }
            double unitPrice = Double.POSITIVE_INFINITY;
            double co2PerLb = Double.POSITIVE_INFINITY;
            for (RateCard card : cards) {
                unitPrice = Math.min(unitPrice, card.unitPriceFloor(miles[n]));
                co2PerLb = Math.min(co2PerLb, card.co2PerLbFloor(miles[n]));
            }
            unitPriceFloor[n] = pickup || cards.isEmpty() ? 0 : unitPrice;
            co2PerLbFloor[n] = pickup || cards.isEmpty() ? 0 : co2PerLb;
            double slope = Double.POSITIVE_INFINITY;
            for (int o = n * services; o < n * services + optionCount[n]; o++) {
                slope = Math.min(slope, lanes[o].pricePerLbFloor());
            }
            pricePerLbFloor[n] = optionCount[n] == 0 ? 0 : slope;
        }
        this.marginalPerUnit = new double[nodes.length];
        this.marginalPerLb = new double[nodes.length];
        this.planePerLb = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            marginalPerUnit[n] = rules.handlingPerUnit(nodes[n], 1) + rules.carrierPrice(unitPriceFloor[n]);
            marginalPerLb[n] = rules.carbonCost(co2PerLbFloor[n]);
            planePerLb[n] = marginalPerLb[n] + rules.carrierPrice(pricePerLbFloor[n]);
        }
        this.fixed = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            fixed[n] = fixedPart(n);
        }
        this.byFloor = new int[lanes.length];
        this.slotFloor = new double[lanes.length];
        this.slotFloorPerLb = new double[lanes.length];
        for (int n = 0; n < nodes.length; n++) {
            int first = n * services;
            for (int o = first; o < first + optionCount[n]; o++) {
                slotFloor[o] = rules.carrierPrice(lanes[o].priceIntercept() - CENT) + lateness[o] - FLOOR_TOLERANCE;
                slotFloorPerLb[o] = rules.carrierPrice(lanes[o].pricePerLbFloor());
                int at = o;
                while (at > first && slotFloor[byFloor[at - 1]] > slotFloor[o]) {
                    byFloor[at] = byFloor[at - 1];
                    at--;
                }
                byFloor[at] = o;
            }
        }
    }

    /** The node's services that meet the promise, or all when none does, in its slots. */
    private void servicesFor(int n, List<RateCard> cards, boolean[] onTime) {
        int first = n * services;
        int at = first;
        int onTimeCount = 0;
        for (RateCard card : cards) {
            for (RateCard.Lane lane : card.lanes(miles[n])) {
                lanes[at] = lane;
                int transit = lanes[at].transitDays();
                int eta = nodes[n].daysToShip() + transit;
                serviceAt[at] = at - first;
                transitDays[at] = transit;
                lateness[at] = rules.latenessPenalty(eta, promiseDays);
                onTime[at - first] = eta <= promiseDays;
                onTimeCount += onTime[at - first] ? 1 : 0;
                at++;
            }
        }
        if (onTimeCount == 0) {
            optionCount[n] = at - first;
            return;
        }
        int kept = first;
        for (int o = first; o < at; o++) {
            if (onTime[o - first]) {
                lanes[kept] = lanes[o];
                serviceAt[kept] = serviceAt[o];
                transitDays[kept] = transitDays[o];
                lateness[kept++] = lateness[o];
            }
        }
        optionCount[n] = kept - first;
    }

    /** The weighted cost of a parcel of {@code weightLb} and {@code units} from node {@code n}. */
    double cost(int n, double weightLb, double volumeCm3, int units) {
        Node node = nodes[n];
        double handling = rules.handlingPerShipment(node) + rules.handlingPerUnit(node, units);
        if (pickup) {
            return handling + rules.latenessPenalty(node.daysToShip(), promiseDays);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = n * services; k < n * services + optionCount[n]; k++) {
            int o = byFloor[k];
            if (slotFloor[o] + slotFloorPerLb[o] * weightLb >= best) {
                continue;
            }
            double c = rules.carrierPrice(lanes[o].price(weightLb, volumeCm3, units)) + rules.carbonCost(lanes[o].co2Kg(weightLb))
                    + lateness[o];
            if (c < best) {
                best = c;
            }
        }
        return handling + best;
    }

    /** The same parcel with its chosen service and the rule-by-rule costs. */
    Costing costing(int n, double weightLb, double volumeCm3, int units) {
        Node node = nodes[n];
        double perShipment = rules.handlingPerShipment(node);
        double perUnit = rules.handlingPerUnit(node, units);
        if (pickup) {
            int eta = node.daysToShip();
            ServiceQuote quote = new ServiceQuote(PICKUP_CARRIER, Service.PICKUP, 0, 0, 0);
            return new Costing(quote, eta, new CostBreakdown(0, perShipment, perUnit, 0,
                    rules.latenessPenalty(eta, promiseDays), 0, 0));
        }
        Costing best = null;
        for (int o = n * services; o < n * services + optionCount[n]; o++) {
            int service = serviceAt[o];
            ServiceQuote quote = new ServiceQuote(cardOf[service].carrier(), serviceOf[service],
                    lanes[o].price(weightLb, volumeCm3, units), transitDays[o], lanes[o].co2Kg(weightLb));
            CostBreakdown breakdown = new CostBreakdown(rules.carrierPrice(quote.price()), perShipment, perUnit, 0,
                    lateness[o], rules.carbonCost(quote.co2Kg()), 0);
            if (best == null || breakdown.total() < best.total()) {
                best = new Costing(quote, node.daysToShip() + transitDays[o], breakdown);
            }
        }
        return best;
    }

    /**
     * A linear under-estimate of a parcel from node {@code n}: it never costs less than this fixed part plus
     * {@link #linearPerUnit} for each unit. Exact for per-unit-mile cards; used by the wave model.
     */
    double linearFixed(int n) {
        return fixed[n];
    }

    private double fixedPart(int n) {
        double handling = rules.handlingPerShipment(nodes[n]);
        if (pickup) {
            return handling + rules.latenessPenalty(nodes[n].daysToShip(), promiseDays);
        }
        double least = Double.POSITIVE_INFINITY;
        for (int o = n * services; o < n * services + optionCount[n]; o++) {
            least = Math.min(least, rules.carrierPrice(lanes[o].priceIntercept()) + lateness[o]);
        }
        return handling + least;
    }

    /**
     * What a parcel of {@code weightLb} and {@code units} from node {@code n} costs at least: its linear plane,
     * less a rounding tolerance, so it never exceeds {@link #cost}.
     */
    double floor(int n, double weightLb, int units) {
        return fixed[n] + marginalPerUnit[n] * units + planePerLb[n] * weightLb - FLOOR_TOLERANCE;
    }

    double linearPerUnit(int n, double unitWeightLb) {
        return marginalPerUnit[n] + planePerLb[n] * unitWeightLb;
    }

    /** The least a line of {@code weightLb} and {@code units} adds to any parcel from node {@code n}. */
    double marginalFloor(int n, double weightLb, int units) {
        return marginalPerUnit[n] * units + marginalPerLb[n] * weightLb;
    }
}
