package io.maestro.workers.bench;

import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stock and pick capacity left as the day's orders are allocated one after another. */
final class NetworkState implements AtpSnapshot {

    private final List<Node> baseNodes;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final Map<String, Integer> skuIndex = new HashMap<>();
    /** [SKU][node]: a SKU's stock at every node side by side, as an order asks for it. */
    private final int[][] stock;
    private final int[] capacity;
    private final List<Node> today;

    NetworkState(Scenario scenario) {
        this.baseNodes = scenario.nodes();
        for (int n = 0; n < baseNodes.size(); n++) {
            nodeIndex.put(baseNodes.get(n).id(), n);
        }
        for (int s = 0; s < scenario.skus().size(); s++) {
            skuIndex.put(scenario.skus().get(s), s);
        }
        int[][] opening = scenario.stock();
        this.stock = new int[scenario.skus().size()][opening.length];
        for (int n = 0; n < opening.length; n++) {
            for (int s = 0; s < opening[n].length; s++) {
                stock[s][n] = opening[n][s];
            }
        }
        this.capacity = scenario.capacity().clone();
        this.today = new ArrayList<>();
        for (int n = 0; n < baseNodes.size(); n++) {
            today.add(baseNodes.get(n).withRemainingCapacity(capacity[n], Node.UNLIMITED));
        }
    }

    private NetworkState(NetworkState other) {
        this.baseNodes = other.baseNodes;
        this.nodeIndex.putAll(other.nodeIndex);
        this.skuIndex.putAll(other.skuIndex);
        this.stock = new int[other.stock.length][];
        for (int s = 0; s < stock.length; s++) {
            stock[s] = other.stock[s].clone();
        }
        this.capacity = other.capacity.clone();
        this.today = new ArrayList<>(other.today);
    }

    NetworkState copy() {
        return new NetworkState(this);
    }

    @Override
    public int available(String nodeId, String sku) {
        Integer n = nodeIndex.get(nodeId);
        Integer s = skuIndex.get(sku);
        return n == null || s == null ? 0 : stock[s][n];
    }

    @Override
    public int[][] available(List<String> nodeIds, List<String> skus) {
        int[] skuAt = new int[skus.size()];
        for (int s = 0; s < skuAt.length; s++) {
            Integer index = skuIndex.get(skus.get(s));
            skuAt[s] = index == null ? -1 : index;
        }
        int[][] units = new int[nodeIds.size()][skus.size()];
        for (int n = 0; n < units.length; n++) {
            Integer node = nodeIndex.get(nodeIds.get(n));
            for (int s = 0; s < skuAt.length && node != null; s++) {
                units[n][s] = skuAt[s] < 0 ? 0 : stock[skuAt[s]][node];
            }
        }
        return units;
    }

    /**
     * A window's pro-rata share of what is left: of each SKU at each node the window's part of the demand
     * still to come for it, of each node's capacity its part of the units still to come (rounded up).
     */
    NetworkState share(List<Order> window, List<Order> stillToCome) {
        int[] windowDemand = new int[stock.length];
        int[] demandLeft = windowDemand.clone();
        long windowUnits = 0;
        long unitsLeft = 0;
        for (Order order : window) {
            for (OrderLine line : order.lines()) {
                windowDemand[skuIndex.get(line.sku())] += line.quantity();
                windowUnits += line.quantity();
            }
        }
        for (Order order : stillToCome) {
            for (OrderLine line : order.lines()) {
                demandLeft[skuIndex.get(line.sku())] += line.quantity();
                unitsLeft += line.quantity();
            }
        }
        NetworkState share = copy();
        for (int n = 0; n < capacity.length; n++) {
            for (int s = 0; s < stock.length; s++) {
                share.stock[s][n] = demandLeft[s] == 0 ? 0
                        : (int) Math.ceil((double) stock[s][n] * windowDemand[s] / demandLeft[s]);
            }
            if (capacity[n] != Node.UNLIMITED && unitsLeft > 0) {
                share.capacity[n] = (int) Math.ceil((double) capacity[n] * windowUnits / unitsLeft);
                share.today.set(n, baseNodes.get(n).withRemainingCapacity(share.capacity[n], Node.UNLIMITED));
            }
        }
        return share;
    }

    /** The nodes with the capacity they have left now. */
    List<Node> nodes() {
        return List.copyOf(today);
    }

    /** Reserves the plan's stock and capacity. */
    void apply(AllocationPlan plan) {
        change(plan, -1);
    }

    /** Gives the plan's stock and capacity back. */
    void release(AllocationPlan plan) {
        change(plan, +1);
    }

    private void change(AllocationPlan plan, int sign) {
        for (Shipment shipment : plan.shipments()) {
            int n = nodeIndex.get(shipment.nodeId());
            for (OrderLine line : shipment.lines()) {
                int s = skuIndex.get(line.sku());
                stock[s][n] += sign * line.quantity();
                if (stock[s][n] < 0) {
                    throw new IllegalStateException("plan oversells " + line.sku() + " at " + shipment.nodeId());
                }
            }
            if (capacity[n] != Node.UNLIMITED) {
                capacity[n] += sign * shipment.units();
                if (capacity[n] < 0) {
                    throw new IllegalStateException("plan exceeds capacity at " + shipment.nodeId());
                }
                today.set(n, baseNodes.get(n).withRemainingCapacity(capacity[n], Node.UNLIMITED));
            }
        }
    }
}
