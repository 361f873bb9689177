package io.maestro.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators list, read, replay and discard dead letters; a failing replay says why and keeps the letter open. */
@MaestroTest
class DeadLetterApiTest {

    static final Api.Auth OPERATOR = Api.Auth.user("operator");
    static final Api.Auth VIEWER = Api.Auth.user("viewer");

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRejectedSnapshotRowIsListedAndReplayedOnceItsSkuExists() {
        String sku = "NEW-" + System.nanoTime();
        long id = rejectedRow(sku);

        JsonNode page = api.get("/api/dead-letters?source=erp-snapshot&status=OPEN&size=500", VIEWER).json();
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items").findValuesAsText("reason")).contains("sku: unknown SKU " + sku);
        assertThat(api.get("/api/dead-letters/" + id, VIEWER).json().get("source").asText()).isEqualTo("erp-snapshot");

        Api.Response stillBad = api.post("/api/dead-letters/" + id + "/replay", null, OPERATOR);
        assertThat(stillBad.status()).isEqualTo(422);
        assertThat(stillBad.body()).contains("unknown SKU " + sku);
        assertThat(api.get("/api/dead-letters/" + id, OPERATOR).json().get("status").asText()).isEqualTo("OPEN");

        assertThat(api.post("/api/skus", Map.of("sku", sku, "name", "New", "category", "HOME", "weightKg",
                BigDecimal.ONE, "lengthCm", 10, "widthCm", 10, "heightCm", 10), Api.ADMIN).status()).isLessThan(300);
        JsonNode replayed = api.post("/api/dead-letters/" + id + "/replay", null, OPERATOR).json();
        assertThat(replayed.get("status").asText()).isEqualTo("REPLAYED");
        assertThat(replayed.get("replayNote").asText()).isEqualTo("replayed by operator");
        assertThat(api.get("/api/inventory/" + sku, VIEWER).body()).contains("\"onHand\":4");
    }

    @Test
    void aDiscardedLetterKeepsTheNoteAndCannotBeReplayed() {
        long id = rejectedRow("GONE-" + System.nanoTime());

        JsonNode discarded = api.post("/api/dead-letters/" + id + "/discard", Map.of("note", "item withdrawn"), OPERATOR)
                .json();

        assertThat(discarded.get("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.get("replayNote").asText()).isEqualTo("discarded by operator: item withdrawn");
        assertThat(api.post("/api/dead-letters/" + id + "/replay", null, OPERATOR).status()).isEqualTo(422);
        assertThat(api.get("/api/dead-letters/999999999", OPERATOR).status()).isEqualTo(404);
        assertThat(api.get("/api/dead-letters?status=LOST", OPERATOR).status()).isEqualTo(400);
    }

    private long rejectedRow(String sku) {
        api.post("/api/erp/snapshots", Map.of("snapshotId", "S-" + sku, "rows",
                List.of(Map.of("nodeId", "DC-OLEAN", "sku", sku, "onHand", 4))), Api.INTEGRATION);
        JsonNode page = api.get("/api/dead-letters?source=erp-snapshot&size=500", OPERATOR).json();
        for (JsonNode letter : page.get("items")) {
            if (letter.get("reason").asText().contains(sku)) {
                return letter.get("id").asLong();
            }
        }
        throw new AssertionError("no dead letter for " + sku);
    }
}
