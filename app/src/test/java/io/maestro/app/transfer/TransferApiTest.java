package io.maestro.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.integrations.WebhookSignature;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock transfers through the running application over real HTTP: an analyst approves one, its process releases the
 * units at the source (in transit: visible, sellable nowhere), the destination's WMS reports the receipt, the rest is
 * written off; and every wrong input is refused naming the field. The sandbox WMS of {@link #TO} is down for the
 * whole class (it reports nothing, the tests post the receipts); {@link #BY_SANDBOX}'s reports its receipts itself.
 */
@MaestroTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferApiTest {

    private static final String SKU = "SOCK-CREW-GRY-M";
    private static final String FROM = "DC-COLUMBUS";
    private static final String TO = "ST-CHI-MICHIGAN";
    private static final String BY_SANDBOX = "ST-NYC-SOHO";
    private static final String NODE_SECRET = "sandbox-node-secret";
    private static final Api.Auth ANALYST = Api.Auth.user("analyst");
    private static final Api.Auth VIEWER = Api.Auth.user("viewer");
    private static final Api.Auth OPERATOR = Api.Auth.user("operator");

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @BeforeAll
    void destinationSystemDown() {
        Api.Response down = new Api(port).send("PUT", "/sandbox/faults/" + TO,
                Map.of("latencyMs", 0, "errorRate", 0, "outage", true), Api.Auth.NONE);
        assertThat(down.status()).as(down.body()).isEqualTo(200);
    }

    @AfterAll
    void destinationSystemBack() {
        new Api(port).send("DELETE", "/sandbox/faults/" + TO, null, Api.Auth.NONE);
    }

    @Test
    void theSandboxDestinationReportsTheReceiptOverItsSignedWebhookOnce() {
        count(FROM, 40);
        long toBefore = onHand(BY_SANDBOX);

        Api.Response approved = api.post("/api/transfers", body(SKU, FROM, BY_SANDBOX, 4), ANALYST);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        String id = approved.json().get("transferId").asText();

        JsonNode received = await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/transfers/" + id, VIEWER).json(),
                t -> "RECEIVED".equals(t.get("status").asText()));
        assertThat(received.get("received").asLong()).isEqualTo(4);
        assertThat(received.get("lost").asLong()).isZero();
        assertThat(received.get("timeline").findValuesAsText("type")).containsExactly("TRANSFER_REQUESTED",
                "TRANSFER_RELEASED", "TRANSFER_RECEIVED");
        assertThat(received.get("timeline").findValuesAsText("actor")).contains("node " + BY_SANDBOX);
        assertThat(onHand(BY_SANDBOX)).isEqualTo(toBefore + 4);

        String again = "{\"eventId\": \"transfer-receipt-" + id + "\", \"transferId\": \"" + id + "\", \"units\": 4}";
        Api.Response duplicate = signed(BY_SANDBOX, again);
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(200);
        assertThat(duplicate.json().get("status").asText()).isEqualTo("duplicate");
        assertThat(duplicate.json().get("transferStatus").asText()).isEqualTo("RECEIVED");
        assertThat(onHand(BY_SANDBOX)).isEqualTo(toBefore + 4);

        Api.Response otherNode = signed(TO, again);
        assertThat(otherNode.status()).as(otherNode.body()).isEqualTo(422);
        assertThat(otherNode.json().get("errors").findValuesAsText("field")).containsExactly("transferId");
        Api.Response missing = signed(BY_SANDBOX, "{}");
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("eventId",
                "transferId", "units");
        assertThat(signed(BY_SANDBOX, "{\"eventId\": \"e\", \"transferId\": \"TR-0\", \"units\": 1}").status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedNodeReceiptIsADeadLetterTheOperatorReplays() {
        count(FROM, 40);
        long toBefore = onHand(TO);
        Api.Response approved = api.post("/api/transfers", transfer(3), ANALYST);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        String id = approved.json().get("transferId").asText();
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/transfers/" + id, VIEWER).json(),
                t -> "IN_TRANSIT".equals(t.get("status").asText()));

        String receipt = "{\"eventId\": \"misrouted-" + id + "\", \"transferId\": \"" + id + "\", \"units\": 3}";
        assertThat(signed(BY_SANDBOX, receipt).status()).isEqualTo(422);
        JsonNode letter = api.get("/api/dead-letters?source=transfer-receipt&status=OPEN&size=500", OPERATOR).json()
                .get("items").findParents("payload").stream().filter(l -> l.get("payload").asText().equals(receipt))
                .findFirst().orElseThrow();
        assertThat(letter.get("reference").asText()).isEqualTo("node " + BY_SANDBOX);
        assertThat(letter.get("reason").asText()).contains("transferId").contains(TO);
        assertThat(api.get("/api/transfers/" + id, VIEWER).json().get("status").asText()).isEqualTo("IN_TRANSIT");

        JsonNode replayed = api.post("/api/dead-letters/" + letter.get("id").asLong() + "/replay", null, OPERATOR).json();
        assertThat(replayed.get("status").asText()).isEqualTo("REPLAYED");
        JsonNode received = await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/transfers/" + id, VIEWER).json(),
                t -> "RECEIVED".equals(t.get("status").asText()));
        assertThat(received.get("received").asLong()).isEqualTo(3);
        assertThat(onHand(TO)).isEqualTo(toBefore + 3);
    }

    private Api.Response signed(String nodeId, String body) {
        return api.post("/api/partners/nodes/" + nodeId + "/transfer-receipts", body, Api.Auth.NONE,
                WebhookSignature.HEADER, WebhookSignature.sign(NODE_SECRET, body));
    }

    @Test
    void anApprovedTransferIsReleasedInTransitAndReceivedShortWithTheRestLost() {
        long fromBefore = count(FROM, 40);
        long toBefore = onHand(TO);

        Api.Response approved = api.post("/api/transfers", transfer(10), ANALYST);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        String id = approved.json().get("transferId").asText();

        JsonNode inTransit = await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/transfers/" + id, VIEWER).json(),
                t -> "IN_TRANSIT".equals(t.get("status").asText()));
        assertThat(inTransit.get("inTransit").asLong()).isEqualTo(10);
        assertThat(inTransit.get("timeline").findValuesAsText("type")).containsExactly("TRANSFER_REQUESTED", "TRANSFER_RELEASED");
        assertThat(onHand(FROM)).isEqualTo(fromBefore - 10);
        assertThat(onHand(TO)).isEqualTo(toBefore);
        JsonNode sku = api.get("/api/inventory/" + SKU, VIEWER).json();
        assertThat(sku.get("inTransitUnits").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(sku.get("inTransit").findValuesAsText("transferId")).contains(id);
        assertThat(sku.get("atp").asLong()).isEqualTo(sum(sku, "atp"));
        assertThat(api.get("/api/transfers?status=IN_TRANSIT&sku=" + SKU, VIEWER).json().findValuesAsText("transferId"))
                .contains(id);

        Api.Response receipt = api.post("/api/transfers/" + id + "/receipts", Map.of("eventId", "wms-" + id, "units", 7),
                Api.INTEGRATION);
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        JsonNode received = receipt.json().get("transfer");
        assertThat(receipt.json().get("duplicate").asBoolean()).isFalse();
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED_SHORT");
        assertThat(received.get("received").asLong()).isEqualTo(7);
        assertThat(received.get("lost").asLong()).isEqualTo(3);
        assertThat(received.get("inTransit").asLong()).isZero();
        assertThat(received.get("timeline").findValuesAsText("type")).containsExactly("TRANSFER_REQUESTED",
                "TRANSFER_RELEASED", "TRANSFER_RECEIVED", "TRANSFER_LOSS_WRITTEN_OFF");
        assertThat(onHand(TO)).isEqualTo(toBefore + 7);
        assertThat(api.get("/api/inventory/" + SKU, VIEWER).json().get("inTransit").findValuesAsText("transferId"))
                .doesNotContain(id);

        Api.Response again = api.post("/api/transfers/" + id + "/receipts", Map.of("eventId", "wms-" + id, "units", 7),
                Api.INTEGRATION);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(onHand(TO)).isEqualTo(toBefore + 7);
        assertThat(api.post("/api/transfers/" + id + "/receipts", Map.of("eventId", "wms-" + id, "units", 6),
                Api.INTEGRATION).status()).isEqualTo(409);
        assertThat(api.post("/api/transfers/" + id + "/receipts", Map.of("eventId", "wms-other-" + id, "units", 1),
                Api.INTEGRATION).status()).isEqualTo(409);
    }

    @Test
    void theSameIdempotencyKeyApprovesOnce() {
        count(FROM, 40);
        String key = "approve-" + System.nanoTime();
        Api.Response first = api.post("/api/transfers", transfer(2), ANALYST, "Idempotency-Key", key);
        Api.Response again = api.post("/api/transfers", transfer(2), ANALYST, "Idempotency-Key", key);
        Api.Response other = api.post("/api/transfers", transfer(3), ANALYST, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("transferId")).isEqualTo(first.json().get("transferId"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        String id = first.json().get("transferId").asText();
        await().atMost(Duration.ofMinutes(1)).until(() -> "IN_TRANSIT".equals(api.get("/api/transfers/" + id, VIEWER)
                .json().get("status").asText()));
    }

    @Test
    void wrongInputsAreRefusedNamingTheField() {
        count(FROM, 40);
        assertThat(fieldsOf(422, body("NO-SUCH", FROM, TO, 1))).containsExactly("sku");
        assertThat(fieldsOf(422, body(SKU, "NO-SUCH", TO, 1))).containsExactly("fromNodeId");
        assertThat(fieldsOf(422, body(SKU, FROM, "NO-SUCH", 1))).containsExactly("toNodeId");
        assertThat(fieldsOf(422, body(SKU, FROM, FROM, 1))).containsExactly("toNodeId");
        assertThat(fieldsOf(422, body(SKU, FROM, TO, 0))).containsExactly("units");
        assertThat(fieldsOf(422, body(SKU, FROM, TO, 1.5))).containsExactly("units");
        assertThat(fieldsOf(422, body(null, null, null, null))).containsExactlyInAnyOrder("sku", "fromNodeId", "toNodeId",
                "units");

        Api.Response tooMany = api.post("/api/transfers", body(SKU, FROM, TO, 41), ANALYST);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.json().get("available").asLong()).isBetween(0L, 40L);
        assertThat(api.post("/api/transfers", "{\"sku\": ", ANALYST).status()).isEqualTo(400);
        assertThat(api.post("/api/transfers", transfer(1), VIEWER).status()).isEqualTo(403);

        assertThat(api.get("/api/transfers/TR-0", VIEWER).status()).isEqualTo(404);
        assertThat(api.get("/api/transfers?status=SOMEWHERE", VIEWER).status()).isEqualTo(400);
        assertThat(api.post("/api/transfers/TR-0/receipts", Map.of("eventId", "e", "units", 1), Api.INTEGRATION).status())
                .isEqualTo(404);
        String id = api.post("/api/transfers", transfer(5), ANALYST).json().get("transferId").asText();
        await().atMost(Duration.ofMinutes(1)).until(() -> "IN_TRANSIT".equals(api.get("/api/transfers/" + id, VIEWER)
                .json().get("status").asText()));
        Api.Response over = api.post("/api/transfers/" + id + "/receipts", Map.of("eventId", "over-" + id, "units", 6),
                Api.INTEGRATION);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("errors").findValuesAsText("field")).containsExactly("units");
        Api.Response missing = api.post("/api/transfers/" + id + "/receipts", Map.of(), Api.INTEGRATION);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("eventId", "units");
    }

    private java.util.List<String> fieldsOf(int status, Map<String, Object> body) {
        Api.Response r = api.post("/api/transfers", body, ANALYST);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().get("errors").findValuesAsText("field");
    }

    private static Map<String, Object> transfer(long units) {
        return body(SKU, FROM, TO, units);
    }

    private static Map<String, Object> body(String sku, String from, String to, Object units) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("fromNodeId", from);
        body.put("toNodeId", to);
        body.put("units", units);
        body.put("note", "from the suggestions");
        return body;
    }

    /** Sets the source's on-hand (nothing reserved there in these tests' SKU) and returns it. */
    private long count(String node, long units) {
        Api.Response r = api.post("/api/inventory/adjustments", Map.of("eventId", "transfer-count-" + System.nanoTime(),
                "nodeId", node, "sku", SKU, "setOnHand", units, "setSafetyStock", 0, "reason", "count"), Api.INTEGRATION);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return units;
    }

    private long onHand(String node) {
        for (JsonNode n : api.get("/api/inventory/" + SKU, VIEWER).json().get("nodes")) {
            if (n.get("nodeId").asText().equals(node)) {
                return n.get("onHand").asLong();
            }
        }
        return 0;
    }

    private static long sum(JsonNode sku, String field) {
        long total = 0;
        for (JsonNode n : sku.get("nodes")) {
            total += n.get(field).asLong();
        }
        return total;
    }
}
