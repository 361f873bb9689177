package io.maestro.core.testing;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.geo.Address;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeType;
import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small, readable fixtures: a couple of New York nodes, a few SKUs, a valid order. */
public final class TestData {

    private TestData() {
    }

    public static NodeDefinition node(String id, NodeType type, String city, String postalCode, Capability... capabilities) {
        return new NodeDefinition(id, id + " " + city, type, new Address(null, "1 Main St", null, city, "NY", postalCode, "US"),
                null, null, Set.of(capabilities), 1000, LocalTime.of(16, 0), "America/New_York", new BigDecimal("2.50"),
                new BigDecimal("0.40"), null);
    }

    public static Sku sku(String code) {
        return new Sku(code, "Item " + code, "APPAREL", new BigDecimal("0.250"), new BigDecimal("30"), new BigDecimal("20"),
                new BigDecimal("3"), false, false);
    }

    /** Nodes DC-BKN (Brooklyn), DC-OLEAN, ST-MAN (Manhattan store with pickup) and SKUs TSHIRT-BLK-M, SHOE-RUN-42. */
    public static void seed(NetworkService network, CatalogService catalog) {
        network.save(node("DC-BKN", NodeType.DC, "Brooklyn", "11201", Capability.SHIP, Capability.RETURNS));
        network.save(node("DC-OLEAN", NodeType.DC, "Olean", "14760", Capability.SHIP));
        network.save(node("ST-MAN", NodeType.STORE, "New York", "10013", Capability.SHIP_FROM_STORE, Capability.PICKUP,
                Capability.CURBSIDE));
        catalog.save(sku("TSHIRT-BLK-M"));
        catalog.save(sku("SHOE-RUN-42"));
    }

    public static NewOrder order(String channelOrderId) {
        return new NewOrder("WEB", channelOrderId, new Customer("C-7", CustomerTier.VIP, "c7@example.com"),
                new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "11201", "US"), null, null, null, null,
                List.of(new NewOrder.Line("TSHIRT-BLK-M", 2, new BigDecimal("19.90"))));
    }

    /**
     * Records {@code planned} (a PLANNED shipment) for the order and walks shipment and order through their state
     * machines to DELIVERED, as a delivered order's history has it.
     */
    public static void delivered(OrderService orders, String orderId, Shipment planned) {
        orders.recordPlan(orderId, "ALLOCATED", List.of(planned), OrderStatus.ALLOCATED, "test", "allocated", Map.of());
        for (ShipmentStatus step : List.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED, ShipmentStatus.DISPATCHED,
                ShipmentStatus.DELIVERED)) {
            orders.changeShipmentStatus(orderId, planned.shipmentId(), step, "SHIPMENT_" + step, "test", "test history");
        }
        orders.changeStatus(orderId, OrderStatus.SHIPPED, "SHIPPED", "test", "dispatched", Map.of());
        orders.changeStatus(orderId, OrderStatus.DELIVERED, "DELIVERED", "test", "delivered", Map.of());
    }
}
