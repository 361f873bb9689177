package io.maestro.workers.allocation.problem;

import io.maestro.workers.allocation.cost.CostRules;
import io.maestro.workers.allocation.cost.ShipmentCoster;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.model.Shipment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's allocation decision in array form. An assignment is an {@code int[line][node]} matrix of the
 * units of each line that each eligible node ships; what a line's row does not cover stays unfilled.
 * A line's units may come from several nodes when the policy allows more than one parcel.
 */
public final class AllocationProblem {

    public final AllocationRequest request;
    public final CostRules rules;
    public final OrderLine[] lines;
    public final Node[] nodes;
    public final double[] miles;
    public final int[] qty;
    public final double[] unitWeight;
    /** [line]: a unit's volume in cm³ (0 when unknown), for the dimensional weight. */
    public final double[] unitVolume;
    public final int[] sku;
    /** [line]: its {@link io.maestro.workers.allocation.model.Goods} combination. */
    public final int[] goods;
    /** The goods of a parcel holding every line. */
    public final int orderGoods;
    public final int[][] avail;
    public final int[] capUnits;
    /** Per line, the eligible nodes holding at least one unit, those that can ship it whole first. */
    public final int[][] options;
    public final double unfilledPerUnit;
    /** The least one more unit of line i adds to any parcel from node n. */
    public final double[][] unitFloor;
    public final int maxShipments;
    public final boolean allOrNothing;
    public final ShipmentCoster coster;
    public final int[] skuDemand;
    public final int totalUnits;
    /** [node][line]: the shadow price per unit the search adds to a plan's objective (zero by default). */
    public final double[][] surcharge;
    /** [node]: the fixed part of the plane no parcel from the node lies below (see {@link ShipmentCoster#linearFixed}). */
    public final double[] fixedFloor;
    /** [node][line]: the plane's part per unit of the line, without shadow prices. */
    public final double[][] planeUnit;

    /** Runs up to this long are sorted by insertion. */
    private static final int MERGED_ABOVE = 8;

    private AllocationProblem(AllocationRequest request, ShadowPrices prices) {
        this.request = request;
        Order order = request.order();
        Policy policy = request.policy();
        this.rules = new CostRules(policy);
        List<OrderLine> orderLines = order.lines();
        this.lines = new OrderLine[orderLines.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = orderLines.get(i);
        }
        Node[] eligible = new Node[request.nodes().size()];
        List<String> nodeIds = new ArrayList<>(eligible.length);
        for (Node node : request.nodes()) {
            if (Ineligibility.reason(node, order, policy).isEmpty()) {
                eligible[nodeIds.size()] = node;
                nodeIds.add(node.id());
            }
        }
        this.nodes = Arrays.copyOf(eligible, nodeIds.size());
        this.miles = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            miles[n] = nodes[n].location().milesTo(order.shipTo());
        }
        this.maxShipments = order.shipComplete() || !policy.splitAllowed() ? 1 : policy.maxShipments();
        this.allOrNothing = order.shipComplete();
        this.coster = new ShipmentCoster(rules, nodes, miles, request);
        this.unfilledPerUnit = rules.unfilledPenalty(1);

        int lineCount = lines.length;
        this.qty = new int[lineCount];
        this.unitWeight = new double[lineCount];
        this.unitVolume = new double[lineCount];
        this.sku = new int[lineCount];
        this.goods = new int[lineCount];
        int all = 0;
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            goods[i] = lines[i].goods();
            all |= goods[i];
            qty[i] = lines[i].quantity();
            unitWeight[i] = lines[i].unitWeightLb();
            unitVolume[i] = lines[i].unitVolumeCm3();
            sku[i] = skuOf(skus, lines[i].sku());
        }
        this.orderGoods = all;
        this.skuDemand = new int[skus.size()];
        for (int i = 0; i < lineCount; i++) {
            skuDemand[sku[i]] += qty[i];
        }
        int units = 0;
        for (int q : qty) {
            units += q;
        }
        this.totalUnits = units;
        this.avail = request.atp().available(nodeIds, skus);
        this.capUnits = new int[nodes.length];
        this.unitFloor = new double[nodes.length][lineCount];
        // without shadow prices every node shares one row of zeros (the rows are never written after this)
        double[] noSurcharge = prices == ShadowPrices.NONE ? new double[lineCount] : null;
        this.surcharge = new double[nodes.length][];
        this.fixedFloor = new double[nodes.length];
        this.planeUnit = new double[nodes.length][lineCount];
        for (int n = 0; n < nodes.length; n++) {
            capUnits[n] = nodes[n].remainingUnitsToday();
            for (int s = 0; s < skus.size(); s++) {
                avail[n][s] = Math.max(0, avail[n][s]);
            }
            fixedFloor[n] = coster.linearFixed(n);
            surcharge[n] = noSurcharge != null ? noSurcharge : new double[lineCount];
            for (int i = 0; i < lineCount; i++) {
                if (noSurcharge == null) {
                    surcharge[n][i] = prices.perUnit(nodes[n].id(), lines[i].sku());
                }
                unitFloor[n][i] = coster.marginalFloor(n, unitWeight[i], 1) + surcharge[n][i];
                planeUnit[n][i] = coster.linearPerUnit(n, unitWeight[i]);
            }
        }
        this.options = new int[lineCount][];
        int[] holding = new int[nodes.length];
        double[] rank = new double[nodes.length];
        for (int i = 0; i < lineCount; i++) {
            int count = 0;
            for (int n = 0; n < nodes.length; n++) {
                int most = Math.min(avail[n][sku[i]], capUnits[n]);
                if (most > 0) {
                    // the line alone from the node on the plane: whole lines first, then the cheaper
                    double alone = fixedFloor[n] + qty[i] * planeUnit[n][i];
                    rank[count] = most >= qty[i] ? alone : alone + unfilledPerUnit * (qty[i] - most) + 1e6;
                    holding[count++] = n;
                }
            }
            options[i] = ascending(holding, rank, count);
        }
    }

    /** The SKU's index in {@code skus}, added when new (an order has few SKUs). */
    private static int skuOf(List<String> skus, String sku) {
        int index = skus.indexOf(sku);
        if (index < 0) {
            skus.add(sku);
            return skus.size() - 1;
        }
        return index;
    }

    /**
     * The first {@code count} items by ascending key, ties in their given order (a stable merge sort of the
     * given arrays, in place).
     */
    public static int[] ascending(int[] items, double[] key, int count) {
        if (count > MERGED_ABOVE) {
            mergeSort(items, key, new int[count], new double[count], 0, count);
        } else {
            mergeSort(items, key, null, null, 0, count);
        }
        return Arrays.copyOf(items, count);
    }

    private static void mergeSort(int[] items, double[] keys, int[] itemBuffer, double[] keyBuffer, int from, int to) {
        if (to - from <= MERGED_ABOVE) {
            for (int a = from + 1; a < to; a++) {
                int item = items[a];
                double k = keys[a];
                int b = a - 1;
                while (b >= from && keys[b] > k) {
                    items[b + 1] = items[b];
                    keys[b + 1] = keys[b];
                    b--;
                }
                items[b + 1] = item;
                keys[b + 1] = k;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(items, keys, itemBuffer, keyBuffer, from, middle);
        mergeSort(items, keys, itemBuffer, keyBuffer, middle, to);
        if (keys[middle - 1] <= keys[middle]) {
            return;
        }
        System.arraycopy(items, from, itemBuffer, from, to - from);
        System.arraycopy(keys, from, keyBuffer, from, to - from);
        int left = from;
        int right = middle;
        for (int at = from; at < to; at++) {
            if (right >= to || (left < middle && keyBuffer[left] <= keyBuffer[right])) {
                items[at] = itemBuffer[left];
                keys[at] = keyBuffer[left++];
            } else {
                items[at] = itemBuffer[right];
                keys[at] = keyBuffer[right++];
            }
        }
    }

    /** The same order and snapshot with other shadow prices: only the prices and the unit floors change. */
    private AllocationProblem(AllocationProblem base, ShadowPrices prices) {
        this.request = base.request;
        this.rules = base.rules;
        this.lines = base.lines;
        this.nodes = base.nodes;
        this.miles = base.miles;
        this.qty = base.qty;
        this.unitWeight = base.unitWeight;
        this.unitVolume = base.unitVolume;
        this.sku = base.sku;
        this.goods = base.goods;
        this.orderGoods = base.orderGoods;
        this.avail = base.avail;
        this.capUnits = base.capUnits;
        this.options = base.options;
        this.unfilledPerUnit = base.unfilledPerUnit;
        this.maxShipments = base.maxShipments;
        this.allOrNothing = base.allOrNothing;
        this.coster = base.coster;
        this.skuDemand = base.skuDemand;
        this.totalUnits = base.totalUnits;
        this.fixedFloor = base.fixedFloor;
        this.planeUnit = base.planeUnit;
        this.surcharge = new double[nodes.length][lines.length];
        this.unitFloor = new double[nodes.length][lines.length];
        for (int n = 0; n < nodes.length; n++) {
            for (int i = 0; i < lines.length; i++) {
                surcharge[n][i] = prices.perUnit(nodes[n].id(), lines[i].sku());
                unitFloor[n][i] = base.unitFloor[n][i] - base.surcharge[n][i] + surcharge[n][i];
            }
        }
    }

    /** This problem with {@code prices} charged per unit instead of its own. */
    public AllocationProblem withPrices(ShadowPrices prices) {
        return new AllocationProblem(this, prices);
    }

    public static AllocationProblem of(AllocationRequest request) {
        return new AllocationProblem(request, ShadowPrices.NONE);
    }

    /** The problem with shadow prices charged per unit taken (see {@link ShadowPrices}). */
    public static AllocationProblem of(AllocationRequest request, ShadowPrices prices) {
        return new AllocationProblem(request, prices);
    }

    public AllocationRequest request() {
        return request;
    }

    public int lineCount() {
        return lines.length;
    }

    public int nodeCount() {
        return nodes.length;
    }

    /** The objective of a feasible assignment: all rules, weighted by the policy, plus any shadow prices. */
    public double evaluate(int[][] take) {
        double total = 0;
        int shipments = 0;
        int filled = 0;
        for (int n = 0; n < nodes.length; n++) {
            int units = 0;
            double weight = 0;
            double volume = 0;
            int parcelGoods = 0;
            for (int i = 0; i < lines.length; i++) {
                units += take[i][n];
                weight += take[i][n] * unitWeight[i];
                volume += take[i][n] * unitVolume[i];
                total += take[i][n] * surcharge[n][i];
                parcelGoods |= take[i][n] > 0 ? goods[i] : 0;
            }
            if (units > 0) {
                total += coster.cost(n, weight, volume, units, parcelGoods);
                shipments++;
                filled += units;
            }
        }
        return total + rules.splitPenalty(shipments) + rules.unfilledPenalty(totalUnits - filled);
    }

    /** Whether an assignment keeps to the ordered quantities, ATP, node capacity, the parcel limit and ship-complete. */
    public boolean feasible(int[][] take) {
        if (take.length != lines.length) {
            return false;
        }
        int filled = 0;
        for (int i = 0; i < lines.length; i++) {
            if (take[i].length != nodes.length) {
                return false;
            }
            int lineUnits = 0;
            for (int n = 0; n < nodes.length; n++) {
                if (take[i][n] < 0) {
                    return false;
                }
                lineUnits += take[i][n];
            }
            if (lineUnits > qty[i]) {
                return false;
            }
            filled += lineUnits;
        }
        int shipments = 0;
        int[] bySku = new int[skuDemand.length];
        for (int n = 0; n < nodes.length; n++) {
            Arrays.fill(bySku, 0);
            int units = 0;
            for (int i = 0; i < lines.length; i++) {
                bySku[sku[i]] += take[i][n];
                units += take[i][n];
            }
            for (int s = 0; s < bySku.length; s++) {
                if (bySku[s] > avail[n][s]) {
                    return false;
                }
            }
            if (units > capUnits[n]) {
                return false;
            }
            shipments += units > 0 ? 1 : 0;
        }
        if (shipments > maxShipments) {
            return false;
        }
        return !allOrNothing || filled == 0 || filled == totalUnits;
    }

    /**
     * Whether node {@code n} has the stock and capacity for every line: the least room left after them is not
     * negative. One test at the end rather than one per limit, as in the morning no node runs out of capacity: the
     * compiler would make that test a trap, and the first node to run out would send every method the test is
     * inlined into back to the interpreter.
     */
    public boolean canShipWhole(int n) {
        int least = capUnits[n] - totalUnits;
        int[] stock = avail[n];
        for (int s = 0; s < skuDemand.length; s++) {
            least = Math.min(least, stock[s] - skuDemand[s]);
        }
        return least >= 0;
    }

    /** What {@link #evaluate} gives for all lines from node {@code n}, without building the assignment. */
    public double wholeOrderCost(int n) {
        double weight = 0;
        double volume = 0;
        double surcharges = 0;
        for (int i = 0; i < lines.length; i++) {
            weight += qty[i] * unitWeight[i];
            volume += qty[i] * unitVolume[i];
            surcharges += qty[i] * surcharge[n][i];
        }
        return coster.cost(n, weight, volume, totalUnits, orderGoods) + surcharges + rules.splitPenalty(1) + rules.unfilledPenalty(0);
    }

    /** All lines from node {@code n}, or null when it lacks stock or capacity for any of them. */
    public int[][] wholeOrderFrom(int n) {
        if (!canShipWhole(n)) {
            return null;
        }
        int[][] take = nothing();
        for (int i = 0; i < lines.length; i++) {
            take[i][n] = qty[i];
        }
        return take;
    }

    /** The plan, shipments and cost breakdown, of a feasible assignment. */
    public AllocationPlan plan(int[][] take) {
        if (!feasible(take)) {
            throw new IllegalArgumentException("infeasible assignment for order " + request.order().orderId());
        }
        return PlanBuilder.build(this, take);
    }

    /** The assignment of a plan made for this order (on this or another snapshot), by node id and SKU. */
    public int[][] takeOf(AllocationPlan plan) {
        int[][] take = nothing();
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int n = 0; n < nodes.length; n++) {
            nodeIndex.put(nodes[n].id(), n);
        }
        for (Shipment shipment : plan.shipments()) {
            Integer n = nodeIndex.get(shipment.nodeId());
            if (n == null) {
                throw new IllegalArgumentException(shipment.nodeId() + " is not eligible for this order");
            }
            for (OrderLine part : shipment.lines()) {
                int left = part.quantity();
                for (int i = 0; i < lines.length && left > 0; i++) {
                    if (lines[i].sku().equals(part.sku())) {
                        int shipped = 0;
                        for (int m = 0; m < nodes.length; m++) {
                            shipped += take[i][m];
                        }
                        int units = Math.min(left, qty[i] - shipped);
                        take[i][n] += units;
                        left -= units;
                    }
                }
            }
        }
        return take;
    }

    /** The goods of the parcel node {@code n} ships in {@code take}. */
    public int goodsOf(int[][] take, int n) {
        int parcel = 0;
        for (int i = 0; i < lines.length; i++) {
            parcel |= take[i][n] > 0 ? goods[i] : 0;
        }
        return parcel;
    }

    public int[][] nothing() {
        return new int[lines.length][nodes.length];
    }

    public static int[][] copy(int[][] take) {
        int[][] copy = new int[take.length][];
        for (int i = 0; i < take.length; i++) {
            copy[i] = take[i].clone();
        }
        return copy;
    }
}
