package io.maestro.app.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replenishment through the running application: an analyst starts a node's review over the API, its process
 * proposes and orders from the sandbox ERP over real HTTP, the purchase order is on order, and the ERP's later
 * receipt puts the units into the ledger.
 */
@MaestroTest
class ReplenishmentApiTest {

    private static final String NODE = "DC-OLEAN";
    private static final String SKU = "BELT-BRN-L";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aReviewOnDemandOrdersFromTheErpAndItsReceiptReachesTheLedger() {
        Api.Response count = api.post("/api/inventory/adjustments", Map.of("eventId", "repl-count-" + System.nanoTime(),
                "nodeId", NODE, "sku", SKU, "setOnHand", 300, "reason", "count"), Api.INTEGRATION);
        assertThat(count.status()).isEqualTo(200);
        jdbc.update("delete from demand_forecast where sku = ? and node_id = ?", SKU, NODE);
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values (?, ?, 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", SKU, NODE,
                LocalDate.now(ZoneOffset.UTC), String.join(";", Collections.nCopies(90, "20.0")),
                OffsetDateTime.now(ZoneOffset.UTC));

        Api.Response run = api.post("/api/replenishment/" + NODE + "/run", null, Api.Auth.user("analyst"));
        assertThat(run.status()).isEqualTo(202);
        String runId = run.json().get("runId").asText();
        assertThat(run.json().get("trigger").asText()).isEqualTo("ON_DEMAND");

        JsonNode proposal = await().atMost(Duration.ofMinutes(2)).until(() -> proposalOf(runId), p -> p != null
                && "AUTO_APPROVED".equals(p.get("status").asText()));
        long quantity = proposal.get("approvedQuantity").asLong();
        assertThat(quantity).isPositive();
        assertThat(proposal.get("reason").asText()).startsWith("order up to ");
        String requestId = "PO-" + proposal.get("proposalId").asText();

        await().atMost(Duration.ofMinutes(1)).until(() -> "RECEIVED".equals(api.get(
                "/api/replenishment/purchase-orders/" + requestId, Api.Auth.user("viewer")).json().get("status").asText()));
        JsonNode received = api.get("/api/replenishment/purchase-orders?nodeId=" + NODE + "&sku=" + SKU + "&open=false",
                Api.Auth.user("viewer")).json();
        assertThat(received.get("purchaseOrders").get(0).get("requestId").asText()).isEqualTo(requestId);
        assertThat(received.get("onOrder").has(NODE + "/" + SKU)).isFalse();
        JsonNode position = api.get("/api/inventory/" + SKU, Api.Auth.user("viewer")).json();
        assertThat(position.toString()).contains("\"nodeId\":\"" + NODE + "\"");
        assertThat(jdbc.queryForObject("select on_hand from inventory_position where node_id = ? and sku = ?",
                Long.class, NODE, SKU)).isEqualTo(300 + quantity);
    }

    @Test
    void aNodeThatDoesNotExistIsNotFound() {
        assertThat(api.post("/api/replenishment/NO-SUCH/run", null, Api.Auth.user("analyst")).status()).isEqualTo(404);
        assertThat(api.get("/api/replenishment/purchase-orders?nodeId=NO-SUCH", Api.ADMIN).status()).isEqualTo(404);
        Api.Response limit = api.get("/api/replenishment/proposals?limit=0", Api.ADMIN);
        assertThat(limit.status()).isEqualTo(422);
        assertThat(limit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void transferSuggestionsNameTheirCostAndAnUnknownSkuIsNotFound() {
        Api.Response all = api.get("/api/transfers/suggestions?sku=TSHIRT-BLK-M", Api.Auth.user("viewer"));
        assertThat(all.status()).isEqualTo(200);
        for (JsonNode s : all.json()) {
            assertThat(s.get("sku").asText()).isEqualTo("TSHIRT-BLK-M");
            assertThat(s.get("units").asLong()).isPositive();
            assertThat(s.get("transferCost").decimalValue()).isPositive();
        }
        assertThat(api.get("/api/transfers/suggestions?sku=NO-SUCH", Api.ADMIN).status()).isEqualTo(404);
    }

    private JsonNode proposalOf(String runId) {
        for (JsonNode p : api.get("/api/replenishment/proposals?nodeId=" + NODE, Api.ADMIN).json()) {
            if (runId.equals(p.get("runId").asText()) && SKU.equals(p.get("sku").asText())) {
                return p;
            }
        }
        return null;
    }
}
