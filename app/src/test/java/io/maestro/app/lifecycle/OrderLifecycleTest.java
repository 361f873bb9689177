package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orders through the whole application: REST intake, the order processes with the real decisions, the
 * allocation worker, the sandbox node systems and carriers over HTTP, back through their webhooks.
 */
@MaestroTest
class OrderLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Lifecycle lifecycle;

    @BeforeEach
    void client() {
        lifecycle = new Lifecycle(new Api(port));
    }

    @Test
    void twoTshirtsToNewYorkShipOnceFromTheCheaperCompleteSourceAndAreDelivered() {
        String sku = lifecycle.skuWithStock("SEED-TEE", Map.of("DC-BROOKLYN", 1, "DC-OLEAN", 2, "ST-NYC-SOHO", 2));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));

        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));

        List<JsonNode> shipments = Lifecycle.liveShipments(order);
        assertThat(shipments).as("one shipment, never a split").hasSize(1);
        JsonNode shipment = shipments.get(0);
        assertThat(shipment.path("nodeId").asText()).isIn("DC-OLEAN", "ST-NYC-SOHO");
        assertThat(shipment.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(shipment.path("carrier").asText()).isNotBlank();
        assertThat(shipment.path("trackingNumber").asText()).isNotBlank();
        List<String> types = lifecycle.timeline(orderId).stream().map(e -> e.path("type").asText()).toList();
        assertThat(types).containsSubsequence("ORDER_RECEIVED", "DECISION", "ALLOCATED", "SHIPMENT_ACCEPTED",
                "LABEL_PURCHASED");
        assertThat(types).as("the node's acceptance is one entry, not its message and the status change")
                .containsOnlyOnce("SHIPMENT_ACCEPTED");
        assertThat(lifecycle.timeline(orderId)).noneSatisfy(e -> assertThat(e.path("reason").asText())
                .startsWith("ShipmentAccepted"));
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e ->
                assertThat(e.path("actor").asText()).startsWith("dmn:fulfillment-policy:v"));
        assertThat(lifecycle.timeline(orderId)).as("the carrier's message on the entry it caused").anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("SHIPMENT_DELIVERED");
            assertThat(e.toString()).contains("partnerMessage").contains("ShipmentDelivered");
        });
        assertThat(jdbc.queryForObject("select count(*) from notification where order_id = ? and type = 'ORDER_ACCEPTED'",
                Integer.class, orderId)).isEqualTo(1);
        JsonNode cost = java.util.stream.StreamSupport.stream(order.path("shipmentCosts").spliterator(), false)
                .filter(c -> c.path("shipmentId").asText().equals(shipment.path("shipmentId").asText()))
                .findFirst().orElseThrow();
        assertThat(cost.path("estimatedCarrier").asText() + " " + cost.path("estimatedService").asText())
                .as("the label is the carrier service the plan was priced with")
                .isEqualTo(shipment.path("carrier").asText() + " " + shipment.path("service").asText());
        assertThat(cost.path("labelCost").decimalValue()).as("at the estimated price")
                .isEqualByComparingTo(cost.path("estimatedCost").decimalValue());
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> assertThat(e.path("reason").asText())
                .contains("estimated at allocation: " + cost.path("estimatedCarrier").asText()));
    }

    @Test
    void aHeldOrderCancelledThroughTheApiGivesNothingAwayAndRefusesASecondCancel() {
        String sku = lifecycle.skuWithStock("HELD-TEE", Map.of("DC-OLEAN", 5));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 30, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("ON_HOLD"));

        Api api = new Api(port);
        Api.Response cancelled = api.post("/api/orders/" + orderId + "/cancel", Map.of("reason", "bulk order not confirmed"),
                Api.Auth.user("operator"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(Lifecycle.liveShipments(order)).isEmpty();
        assertThat(api.post("/api/orders/" + orderId + "/cancel", Map.of(), Api.Auth.user("operator")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/orders/NO-SUCH/cancel", Map.of(), Api.Auth.user("operator")).status()).isEqualTo(404);
    }

    @Test
    void fiftyOrdersFromThreeChannelsForTenUnitsAllocateExactlyTenAndBackorderTheRest() throws Exception {
        String sku = lifecycle.skuWithStock("SCARCE", Map.of("DC-OLEAN", 4, "DC-BROOKLYN", 6));
        List<Callable<String>> orders = new ArrayList<>();
        String[] channels = {"WEB", "MARKETPLACE", "POS"};
        for (int i = 0; i < 50; i++) {
            String channel = channels[i % 3];
            orders.add(() -> lifecycle.place(Lifecycle.order(channel, sku, 1, Map.of())));
        }
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<String> orderIds = new ArrayList<>();
        try {
            for (Future<String> placed : clients.invokeAll(orders)) {
                orderIds.add(placed.get());
            }
        } finally {
            clients.shutdown();
        }

        int allocatedUnits = 0;
        int backordered = 0;
        for (String orderId : orderIds) {
            JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, o -> o.path("status").asText().equals("BACKORDERED")
                    || !Lifecycle.liveShipments(o).isEmpty());
            allocatedUnits += Lifecycle.liveShipments(order).stream()
                    .mapToInt(s -> s.path("lines").findValues("quantity").stream().mapToInt(JsonNode::asInt).sum()).sum();
            backordered += order.path("status").asText().equals("BACKORDERED") ? 1 : 0;
        }
        assertThat(allocatedUnits).isEqualTo(10);
        assertThat(backordered).isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from inventory_position where sku = ? and "
                + "(on_hand < 0 or reserved < 0 or reserved > on_hand)", Integer.class, sku)).isZero();
    }
}
