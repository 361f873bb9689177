package io.maestro.app.api;

import static io.maestro.app.Api.INTEGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MaestroTest
class InventoryApiTest {

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void showsEveryNodesStockOfASkuAndTheNetworkTotal() {
        JsonNode tshirt = api.get("/api/inventory/TSHIRT-BLK-M?channel=WEB", Api.Auth.user("viewer")).json();

        assertThat(tshirt.get("sku").asText()).isEqualTo("TSHIRT-BLK-M");
        long sumOfNodes = 0;
        for (JsonNode node : tshirt.get("nodes")) {
            assertThat(node.has("onHand") && node.has("reserved") && node.has("safetyStock") && node.has("atp")).isTrue();
            sumOfNodes += node.get("atp").asLong();
        }
        assertThat(tshirt.get("atp").asLong()).isEqualTo(sumOfNodes);
        assertThat(api.get("/api/inventory/NO-SUCH-SKU", Api.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void anAdjustmentAppliesOnceByEventId() {
        Map<String, Object> receipt = Map.of("eventId", "api-receipt-1", "nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42",
                "delta", 5, "reason", "receipt PO-77");

        JsonNode first = api.post("/api/inventory/adjustments", receipt, INTEGRATION).json();
        JsonNode second = api.post("/api/inventory/adjustments", receipt, INTEGRATION).json();

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("position").get("onHand").asLong()).isEqualTo(first.get("position").get("onHand").asLong());
    }

    @Test
    void anEventIdReusedForAnotherSkuIsA409AndTheSameAdjustmentAgainADuplicate() {
        Map<String, Object> receipt = Map.of("eventId", "api-reused-1", "nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42",
                "delta", 5, "reason", "receipt PO-78");
        Map<String, Object> otherSku = Map.of("eventId", "api-reused-1", "nodeId", "DC-OLEAN", "sku", "TSHIRT-BLK-M",
                "delta", 5, "reason", "receipt PO-78");

        JsonNode first = api.post("/api/inventory/adjustments", receipt, INTEGRATION).json();
        Api.Response conflict = api.post("/api/inventory/adjustments", otherSku, INTEGRATION);
        Api.Response again = api.post("/api/inventory/adjustments", receipt, INTEGRATION);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText()).isEqualTo("eventId api-reused-1 was already used for a different adjustment");
        assertThat(conflict.json().get("errors").get(0).get("field").asText()).isEqualTo("eventId");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("position").get("onHand").asLong()).isEqualTo(first.get("position").get("onHand").asLong());
    }

    @Test
    void fractionalUnitsAre422NamingTheField() {
        Api.Response adjustment = api.post("/api/inventory/adjustments", Map.of("eventId", "api-fraction-1", "nodeId",
                "DC-OLEAN", "sku", "SHOE-RUN-42", "delta", 1.5), INTEGRATION);
        Api.Response count = api.post("/api/inventory/adjustments", Map.of("eventId", "api-fraction-2", "nodeId",
                "DC-OLEAN", "sku", "SHOE-RUN-42", "setOnHand", 2.5), INTEGRATION);
        Api.Response snapshot = api.post("/api/inventory/snapshots", Map.of("snapshotId", "WMS-FRACTION", "source", "WMS",
                "rows", List.of(Map.of("nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42", "onHand", 40.5))), INTEGRATION);

        assertThat(adjustment.status()).isEqualTo(422);
        assertThat(adjustment.json().get("errors").get(0).get("field").asText()).isEqualTo("delta");
        assertThat(count.status()).isEqualTo(422);
        assertThat(count.json().get("errors").get(0).get("field").asText()).isEqualTo("setOnHand");
        assertThat(snapshot.status()).isEqualTo(422);
        assertThat(snapshot.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].onHand");
        assertThat(api.post("/api/inventory/adjustments", Map.of("eventId", "api-fraction-1", "nodeId", "DC-OLEAN",
                "sku", "SHOE-RUN-42", "delta", 1), INTEGRATION).json().get("duplicate").asBoolean())
                .as("the refused event id was not taken").isFalse();
    }

    @Test
    void aSnapshotIdReusedForOtherRowsIsA409AndTheSameSnapshotAgainADuplicate() {
        Map<String, Object> snapshot = Map.of("snapshotId", "WMS-OLEAN-REUSED", "source", "WMS", "rows", List.of(
                Map.of("nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42", "onHand", 41)));
        Map<String, Object> other = Map.of("snapshotId", "WMS-OLEAN-REUSED", "source", "WMS", "rows", List.of(
                Map.of("nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42", "onHand", 42)));

        assertThat(api.post("/api/inventory/snapshots", snapshot, INTEGRATION).status()).isEqualTo(200);
        Api.Response conflict = api.post("/api/inventory/snapshots", other, INTEGRATION);
        Api.Response again = api.post("/api/inventory/snapshots", snapshot, INTEGRATION);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("errors").get(0).get("field").asText()).isEqualTo("snapshotId");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void unknownNodeAndSkuAre422NamingThem() {
        Map<String, Object> bad = new HashMap<>(Map.of("eventId", "api-bad-1", "nodeId", "DC-NOWHERE", "sku", "NO-SUCH",
                "delta", 1));

        Api.Response response = api.post("/api/inventory/adjustments", bad, INTEGRATION);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("nodeId", "sku");
    }

    @Test
    void aSnapshotReportsEveryRow() {
        Map<String, Object> snapshot = Map.of("snapshotId", "WMS-OLEAN-1", "source", "WMS", "rows", List.of(
                Map.of("nodeId", "DC-OLEAN", "sku", "SHOE-RUN-42", "onHand", 40),
                Map.of("nodeId", "DC-OLEAN", "sku", "NO-SUCH", "onHand", 1)));

        JsonNode report = api.post("/api/inventory/snapshots", snapshot, INTEGRATION).json();

        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("results").get(1).get("violations").get(0).get("field").asText()).isEqualTo("rows[2].sku");
        assertThat(api.get("/api/inventory/nodes/DC-OLEAN", Api.ADMIN).json().findValuesAsText("sku")).contains("SHOE-RUN-42");
    }
}
