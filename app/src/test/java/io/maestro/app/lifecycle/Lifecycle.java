package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Drives orders through the running application's API as a channel and an operator would, and waits for outcomes. */
final class Lifecycle {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;

    Lifecycle(Api api) {
        this.api = api;
    }

    /** A fresh SKU (its own stock, untouched by other tests) with the given units per node. */
    String skuWithStock(String prefix, Map<String, Integer> unitsByNode) {
        String sku = prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Api.Response created = api.post("/api/skus", Map.of("sku", sku, "name", "Test " + sku, "category", "TEST",
                "weightKg", 0.25, "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false),
                Api.ADMIN);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        unitsByNode.forEach((node, units) -> {
            Api.Response adjusted = api.post("/api/inventory/adjustments", Map.of("eventId", "stock-" + sku + "-" + node,
                    "nodeId", node, "sku", sku, "setOnHand", units, "reason", "test stock"), Api.ADMIN);
            assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
        });
        return sku;
    }

    static Map<String, Object> order(String channel, String sku, int quantity, Map<String, Object> overrides) {
        Map<String, Object> order = new HashMap<>(Map.of("channel", channel,
                "channelOrderId", channel + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "customer", Map.of("id", "C-7", "tier", "STANDARD", "email", "c7@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", 19.90))));
        order.putAll(overrides);
        return order;
    }

    String place(Map<String, Object> order) {
        Api.Response accepted = api.post("/api/orders", order, Api.INTEGRATION);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("orderId").asText();
    }

    JsonNode order(String orderId) {
        return api.get("/api/orders/" + orderId, Api.ADMIN).json();
    }

    List<JsonNode> timeline(String orderId) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().path("entries").forEach(entries::add);
        return entries;
    }

    /** Waits until the order satisfies {@code done}; fails with its timeline when it does not within the time. */
    JsonNode awaitOrder(String orderId, Duration within, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(within);
        JsonNode order = order(orderId);
        while (!done.test(order)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Order " + orderId + " stayed " + order.path("status").asText() + ": "
                        + order + "\ntimeline: " + timeline(orderId));
            }
            sleep();
            order = order(orderId);
        }
        return order;
    }

    static Predicate<JsonNode> status(String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return order -> wanted.contains(order.path("status").asText());
    }

    /** Shipments still meant to reach the customer: not cancelled, not rejected. */
    static List<JsonNode> liveShipments(JsonNode order) {
        List<JsonNode> live = new ArrayList<>();
        order.path("shipments").forEach(s -> {
            String status = s.path("status").asText();
            if (!status.equals("CANCELLED") && !status.equals("REJECTED")) {
                live.add(s);
            }
        });
        return live;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
