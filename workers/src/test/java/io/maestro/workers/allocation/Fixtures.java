package io.maestro.workers.allocation;

import io.maestro.workers.allocation.cost.CarrierRateCard;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Places and helpers shared by the engine tests. */
public final class Fixtures {

    public static final GeoPoint NEW_YORK_10001 = new GeoPoint(40.75065, -73.997293);
    public static final GeoPoint BROOKLYN_11232 = new GeoPoint(40.656541, -74.005182);
    public static final GeoPoint OLEAN_14760 = new GeoPoint(42.073087, -78.417553);
    public static final GeoPoint MANHATTAN_10011 = new GeoPoint(40.741841, -74.000529);
    public static final GeoPoint CHICAGO = new GeoPoint(41.8781, -87.6298);
    public static final GeoPoint LOS_ANGELES = new GeoPoint(34.0522, -118.2437);

    private Fixtures() {
    }

    public static Node dc(String id, String name, GeoPoint at) {
        return Node.of(id, name, NodeType.DC, at, 2.50, 0.40);
    }

    public static Node store(String id, String name, GeoPoint at) {
        return Node.of(id, name, NodeType.STORE, at, 5.00, 1.20);
    }

    /** ATP from "node:sku=units" entries. */
    public static AtpSnapshot atp(String... entries) {
        Map<String, Map<String, Integer>> atp = new HashMap<>();
        for (String entry : entries) {
            String[] nodeRest = entry.split(":");
            String[] skuUnits = nodeRest[1].split("=");
            atp.computeIfAbsent(nodeRest[0], n -> new HashMap<>()).put(skuUnits[0], Integer.parseInt(skuUnits[1]));
        }
        return AtpSnapshot.of(atp);
    }

    public static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, 0.4);
    }

    public static AllocationRequest request(Order order, Policy policy, List<Node> nodes, AtpSnapshot atp) {
        return new AllocationRequest(order, policy, nodes, atp, CarrierRateCard.demo());
    }
}
