package io.maestro.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import java.util.List;
import java.util.Map;

/**
 * The chaos run's catalog, stock and addresses: SKUs of its own with plenty of stock at the New York area's nodes,
 * except the first, which has none until {@link #replenish} (its orders wait BACKORDERED meanwhile).
 */
final class ChaosStock {

    static final List<String> SKUS = List.of("CHAOS-SCARCE", "CHAOS-TEE", "CHAOS-CAP", "CHAOS-MUG", "CHAOS-SOCKS");
    static final List<String> NODES = List.of("DC-BROOKLYN", "DC-OLEAN", "DC-EDISON", "ST-NYC-SOHO");
    static final List<String> CARRIERS = List.of("SWIFT", "THRIFT", "GREENLINE");
    static final List<Map<String, Object>> ADDRESSES = List.of(
            Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY", "postalCode", "11201",
                    "country", "US"),
            Map.of("name", "Robin Roe", "line1", "1 Main St", "city", "Olean", "region", "NY", "postalCode", "14760",
                    "country", "US"),
            Map.of("name", "Sam Poe", "line1", "12 Wood Ave", "city", "Edison", "region", "NJ", "postalCode", "08837",
                    "country", "US"),
            Map.of("name", "Alex Moe", "line1", "535 Broadway", "city", "New York", "region", "NY", "postalCode", "10012",
                    "country", "US"),
            Map.of("name", "Jo Loe", "line1", "800 Boylston St", "city", "Boston", "region", "MA", "postalCode", "02116",
                    "country", "US"));
    static final int UNITS_PER_NODE = 2_000;

    private ChaosStock() {
    }

    static void create(Api api) {
        for (String sku : SKUS) {
            Api.Response created = api.post("/api/skus", Map.of("sku", sku, "name", "Chaos " + sku, "category", "TEST",
                    "weightKg", 0.25, "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false),
                    Api.ADMIN);
            assertThat(created.status()).as(created.body()).isIn(200, 201);
            if (!sku.equals(SKUS.get(0))) {
                NODES.forEach(node -> adjust(api, "chaos-stock-" + node + "-" + sku, node, sku, UNITS_PER_NODE));
            }
        }
    }

    /** Stock for the scarce SKU: a signal its backordered orders allocate on. */
    static void replenish(Api api) {
        adjust(api, "chaos-replenish-olean", "DC-OLEAN", SKUS.get(0), UNITS_PER_NODE);
        adjust(api, "chaos-replenish-edison", "DC-EDISON", SKUS.get(0), UNITS_PER_NODE);
    }

    private static void adjust(Api api, String eventId, String node, String sku, int units) {
        Api.Response adjusted = api.post("/api/inventory/adjustments", Map.of("eventId", eventId, "nodeId", node, "sku", sku,
                "setOnHand", units, "reason", "chaos test stock"), Api.ADMIN);
        assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
    }
}
