package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.testing.ShipmentRows;
import io.maestro.integrations.WebhookSignature;
import io.maestro.routes.testing.PartnersTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The partners' webhooks: signature first, then each event once into the inbox, bad content as dead letters. */
class PartnerWebhookTest extends PartnersTest {

    private static final String NODE_EVENTS = "/api/partners/nodes/DC-BKN/events";
    private static final String NODE_SECRET = "sandbox-node-secret";
    private static final String TRACKING = "/api/partners/carriers/SWIFT/tracking";
    private static final String SWIFT_SECRET = "sandbox-swift-secret";
    private static final String ACCEPTED = """
            {"eventId": "wms-1", "type": "ACCEPTED", "orderId": "ORD-1", "shipmentId": "ORD-1-1"}""";

    @Autowired
    PartnerEventInbox inbox;
    @Autowired
    DeadLetters deadLetters;

    @BeforeEach
    void shipments() {
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-1", "ORD-1-1");
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-2", "ORD-2-1", "ORD-2-2");
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-3", "ORD-3-1");
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-4", "ORD-4-1");
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-5", "ORD-5-1");
    }

    private List<DeadLetter> letters(String source) {
        return deadLetters.list(source, null, 0, 100);
    }

    @Test
    void aSignedConfirmationIsReceivedOnceAndARepeatIsADuplicate() {
        HttpResponse<String> first = signedPost(NODE_EVENTS, NODE_SECRET, ACCEPTED);
        HttpResponse<String> again = signedPost(NODE_EVENTS, NODE_SECRET, ACCEPTED);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"received\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\"");
        assertThat(inbox.ofOrder("ORD-1")).singleElement()
                .satisfies(e -> assertThat(e.event().type()).isEqualTo("ShipmentAccepted"));
    }

    @Test
    void aShortPickCarriesItsLinesAndADispatchItsTrackingNumber() {
        signedPost(NODE_EVENTS, NODE_SECRET, """
                {"eventId": "wms-2", "type": "SHORT_PICKED", "orderId": "ORD-2", "shipmentId": "ORD-2-1",
                 "lines": [{"sku": "TSHIRT-BLK-M", "shortQuantity": 1}], "reason": "damaged"}""");
        signedPost(NODE_EVENTS, NODE_SECRET, """
                {"eventId": "wms-3", "type": "DISPATCHED", "orderId": "ORD-2", "shipmentId": "ORD-2-2",
                 "trackingNumber": "SW0000000001", "carrier": "SWIFT"}""");

        var events = inbox.ofOrder("ORD-2");
        assertThat(events).extracting(e -> e.event().type()).containsExactly("ShipmentShortPicked", "ShipmentDispatched");
        assertThat(events.get(0).event().payload().get("lines").toString()).isEqualTo("[{sku=TSHIRT-BLK-M, shortQuantity=1}]");
        assertThat(events.get(1).event().payload()).containsEntry("trackingNumber", "SW0000000001");
    }

    @Test
    void aCarrierDelayCarriesItsNewEstimate() {
        HttpResponse<String> response = signedPost(TRACKING, SWIFT_SECRET, """
                {"eventId": "sw-1", "trackingNumber": "SW1", "orderId": "ORD-3", "shipmentId": "ORD-3-1",
                 "status": "DELAYED", "newEstimatedDelivery": "2026-12-24", "reason": "snow"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.ofOrder("ORD-3")).singleElement().satisfies(e -> {
            assertThat(e.event().type()).isEqualTo("ShipmentDelayed");
            assertThat(e.event().source()).isEqualTo("carrier:SWIFT");
            assertThat(e.event().payload()).containsEntry("newEstimatedDelivery", "2026-12-24").containsEntry("reason", "snow");
        });
    }

    static Stream<Arguments> badSignatures() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("another secret", WebhookSignature.sign("not-the-secret", ACCEPTED)),
                Arguments.of("another body", WebhookSignature.sign(NODE_SECRET, ACCEPTED + " ")),
                Arguments.of("not sha256", "md5=" + WebhookSignature.sign(NODE_SECRET, ACCEPTED).substring(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void aBadSignatureIs401AndNothingIsStored(String what, String signature) {
        HttpResponse<String> response = post(NODE_EVENTS, ACCEPTED, signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("X-Maestro-Signature");
        assertThat(inbox.ofOrder("ORD-1")).isEmpty();
        assertThat(letters("node-webhook")).isEmpty();
    }

    @Test
    void anUnknownNodeOrCarrierCannotSign() {
        assertThat(signedPost("/api/partners/nodes/NO-SUCH/events", NODE_SECRET, ACCEPTED).statusCode()).isEqualTo(401);
        assertThat(signedPost("/api/partners/carriers/NO-SUCH/tracking", SWIFT_SECRET, ACCEPTED).statusCode()).isEqualTo(401);
    }

    /** Malformed bodies and the field the answer names. */
    static Stream<Arguments> malformedNodeEvents() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"eventId\": \"x\", \"type\": \"ACC", "body"),
                Arguments.of("not an object", "[1, 2]", "body"),
                Arguments.of("empty", "", "body"),
                Arguments.of("wrong type", "{\"eventId\": 7, \"type\": \"ACCEPTED\", \"orderId\": \"O\", \"shipmentId\": \"S\"}",
                        "eventId"),
                Arguments.of("unknown type", "{\"eventId\": \"x\", \"type\": \"EXPLODED\", \"orderId\": \"O\", \"shipmentId\": \"S\"}",
                        "type"),
                Arguments.of("missing order", "{\"eventId\": \"x\", \"type\": \"ACCEPTED\", \"shipmentId\": \"S\"}", "orderId"),
                Arguments.of("rejection without reason",
                        "{\"eventId\": \"x\", \"type\": \"REJECTED\", \"orderId\": \"O\", \"shipmentId\": \"S\"}", "reason"),
                Arguments.of("short pick without lines",
                        "{\"eventId\": \"x\", \"type\": \"SHORT_PICKED\", \"orderId\": \"O\", \"shipmentId\": \"S\"}", "lines"),
                Arguments.of("negative short quantity", "{\"eventId\": \"x\", \"type\": \"SHORT_PICKED\", \"orderId\": \"O\", "
                        + "\"shipmentId\": \"S\", \"lines\": [{\"sku\": \"A\", \"shortQuantity\": -2}]}", "lines[0].shortQuantity"),
                Arguments.of("huge quantity", "{\"eventId\": \"x\", \"type\": \"SHORT_PICKED\", \"orderId\": \"O\", "
                        + "\"shipmentId\": \"S\", \"lines\": [{\"sku\": \"A\", \"shortQuantity\": 99999999999999}]}",
                        "lines[0].shortQuantity"),
                Arguments.of("huge value", "{\"eventId\": \"" + "x".repeat(500) + "\", \"type\": \"ACCEPTED\", "
                        + "\"orderId\": \"O\", \"shipmentId\": \"S\"}", "eventId"),
                Arguments.of("dispatch without tracking",
                        "{\"eventId\": \"x\", \"type\": \"DISPATCHED\", \"orderId\": \"O\", \"shipmentId\": \"S\", \"carrier\": \"SWIFT\"}",
                        "trackingNumber"),
                Arguments.of("bad timestamp", "{\"eventId\": \"x\", \"type\": \"ACCEPTED\", \"orderId\": \"O\", "
                        + "\"shipmentId\": \"S\", \"occurredAt\": \"yesterday\"}", "occurredAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNodeEvents")
    void aMalformedNodeEventIs422NamingTheFieldAndADeadLetter(String what, String body, String field) {
        HttpResponse<String> response = signedPost(NODE_EVENTS, NODE_SECRET, body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(letters("node-webhook")).singleElement().satisfies(letter -> {
            assertThat(letter.reference()).isEqualTo("node DC-BKN");
            assertThat(letter.reason()).contains(field);
            assertThat(WebhookEnvelope.fromJson(letter.payload())).isEqualTo(WebhookEnvelope.of("DC-BKN", body));
        });
        assertThat(signedPost(NODE_EVENTS, NODE_SECRET, ACCEPTED).statusCode()).as("the route still takes events").isEqualTo(200);
    }

    @Test
    void anEventForAShipmentThatDoesNotExistIs422NamingItAndADeadLetterToReplayOnceItExists() {
        String body = """
                {"eventId": "wms-9", "type": "ACCEPTED", "orderId": "ORD-6", "shipmentId": "ORD-6-1"}""";

        HttpResponse<String> response = signedPost(NODE_EVENTS, NODE_SECRET, body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"shipmentId\"").contains("ORD-6-1");
        assertThat(inbox.ofOrder("ORD-6")).isEmpty();
        DeadLetter letter = letters("node-webhook").get(0);
        assertThat(letter.reason()).contains("ORD-6-1");

        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-6", "ORD-6-1");
        assertThat(deadLetters.replay(letter.id(), "operator").status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(inbox.ofOrder("ORD-6")).singleElement().satisfies(e -> assertThat(e.event().type()).isEqualTo("ShipmentAccepted"));
    }

    @Test
    void aBodyThatIsNotUtf8Is422AndADeadLetter() {
        byte[] latin1 = "{\"eventId\": \"café\", \"type\": \"ACCEPTED\"}".getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = postBytes(NODE_EVENTS, latin1, WebhookSignature.sign(NODE_SECRET, latin1));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("not UTF-8");
        assertThat(letters("node-webhook")).singleElement().satisfies(l -> assertThat(l.reason()).contains("UTF-8"));
    }

    @Test
    void aMalformedTrackingEventIs422AndACarrierDeadLetter() {
        HttpResponse<String> response = signedPost(TRACKING, SWIFT_SECRET, """
                {"eventId": "sw-2", "trackingNumber": "SW1", "orderId": "ORD-4", "shipmentId": "ORD-4-1",
                 "status": "DELAYED", "newEstimatedDelivery": "next week"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"newEstimatedDelivery\"");
        assertThat(letters("carrier-webhook")).as("the sandbox carriers of other tests may send their tracking late")
                .filteredOn(l -> l.payload().contains("ORD-4")).singleElement()
                .satisfies(l -> assertThat(l.reference()).isEqualTo("carrier SWIFT"));
    }

    @Test
    void aDeadLetterReplaysIntoTheInboxOnceItsContentIsGood() {
        long good = deadLetters.record("carrier-webhook", "carrier SWIFT", WebhookEnvelope.of("SWIFT", """
                {"eventId": "sw-3", "trackingNumber": "SW1", "orderId": "ORD-5", "shipmentId": "ORD-5-1",
                 "status": "DELIVERED"}""").toJson(), "kept while the inbox was down");
        signedPost(NODE_EVENTS, NODE_SECRET, "{\"eventId\": \"x\", \"type\": \"REJECTED\", \"orderId\": \"O\", \"shipmentId\": \"S\"}");
        long bad = letters("node-webhook").get(0).id();

        assertThat(deadLetters.replay(good, "operator").status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(inbox.ofOrder("ORD-5")).singleElement().satisfies(e -> assertThat(e.event().type()).isEqualTo("ShipmentDelivered"));

        assertThatThrownBy(() -> deadLetters.replay(bad, "operator")).hasMessageContaining("reason");
        assertThat(deadLetters.find(bad).orElseThrow().status()).isEqualTo(DeadLetterStatus.OPEN);
    }
}
