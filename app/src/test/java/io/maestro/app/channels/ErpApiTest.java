package io.maestro.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerEntry;
import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.RefundRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ERP imports over REST, and the ERP gateway of the default run calling the sandbox ERP. */
@MaestroTest
class ErpApiTest {

    @LocalServerPort int port;
    @Autowired InventoryQueries queries;
    @Autowired InventoryLedger ledger;
    @Autowired ErpGateway erp;

    @Test
    void aJsonSnapshotIsReconciledAndReportedRowByRow() {
        long before = onHand("DC-OLEAN", "TSHIRT-BLK-M");
        String snapshotId = "ERP-" + System.nanoTime();
        Map<String, Object> snapshot = Map.of("snapshotId", snapshotId, "rows", List.of(
                Map.of("nodeId", "DC-OLEAN", "sku", "TSHIRT-BLK-M", "onHand", before + 7),
                Map.of("nodeId", "DC-OLEAN", "sku", "NO-SUCH-SKU", "onHand", 1)));

        JsonNode report = new Api(port).post("/api/erp/snapshots", snapshot, Api.INTEGRATION).json();

        assertThat(report.get("changed").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode changed = report.get("lines").get(0);
        assertThat(changed.get("before").asLong()).isEqualTo(before);
        assertThat(changed.get("after").asLong()).isEqualTo(before + 7);
        assertThat(changed.get("delta").asLong()).isEqualTo(7);
        assertThat(report.get("lines").get(1).get("reason").asText()).isEqualTo("sku: unknown SKU NO-SUCH-SKU");
        List<LedgerEntry> entries = ledger.entries("DC-OLEAN", "TSHIRT-BLK-M");
        assertThat(entries.get(entries.size() - 1).reason()).isEqualTo("ERP_SNAPSHOT");
        assertThat(entries.get(entries.size() - 1).onHandDelta()).isEqualTo(7);

        JsonNode again = new Api(port).post("/api/erp/snapshots", snapshot, Api.INTEGRATION).json();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(onHand("DC-OLEAN", "TSHIRT-BLK-M")).isEqualTo(before + 7);

        Api.Response otherRows = new Api(port).post("/api/erp/snapshots", Map.of("snapshotId", snapshotId, "rows",
                List.of(Map.of("nodeId", "DC-OLEAN", "sku", "TSHIRT-BLK-M", "onHand", before + 8))), Api.INTEGRATION);
        assertThat(otherRows.status()).isEqualTo(409);
        assertThat(otherRows.json().get("errors").get(0).get("field").asText()).isEqualTo("snapshotId");
        assertThat(onHand("DC-OLEAN", "TSHIRT-BLK-M")).isEqualTo(before + 7);
    }

    @Test
    void aCsvSnapshotTakesItsIdFromTheQuery() throws Exception {
        String snapshotId = "ERP-CSV-" + System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/erp/snapshots?snapshotId=" + snapshotId))
                .header("Content-Type", "text/csv").header("X-Api-Key", "demo-integration-key")
                .POST(HttpRequest.BodyPublishers.ofString("node_id,sku,on_hand\nDC-OLEAN,SHOE-RUN-42,abc\n")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"snapshotId\":\"" + snapshotId + "\"")
                .contains("on_hand: 'abc' is not a whole number");
    }

    @Test
    void theDefaultRunSendsRefundsToTheSandboxErp() {
        String refundId = "RF-" + System.nanoTime();

        erp.requestRefund(new RefundRequest(refundId, "ORD-1", "RET-1", new BigDecimal("19.90"), "USD", "return"));

        assertThat(new Api(port).get("/sandbox/erp/refunds", Api.Auth.NONE).body()).contains(refundId);
    }

    private long onHand(String nodeId, String sku) {
        return queries.position(nodeId, sku).map(InventoryPosition::onHand).orElse(0L);
    }
}
