package io.maestro.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.app.MaestroTest;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderService;
import io.maestro.integrations.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web-store webhook over real HTTP: signed orders in both shapes, bad and missing signatures, bad content. */
@MaestroTest
class ChannelWebhookTest {

    static final String SECRET = "demo-web-secret";

    record Reply(int status, String contentType, JsonNode body) {
    }

    @LocalServerPort int port;
    @Autowired OrderService orders;
    @Autowired ObjectMapper json;
    String id;

    @BeforeEach
    void uniqueIds() {
        id = "W-" + System.nanoTime();
    }

    @Test
    void aSignedCanonicalOrderIsAcceptedOnceAndTheSameOrderAgainReturnsIt() throws Exception {
        String body = canonical(id, "TSHIRT-BLK-M", "10001");

        Reply first = post(body, "application/json", WebhookSignature.sign(SECRET, bytes(body)));
        Reply again = post(body, "application/json", WebhookSignature.sign(SECRET, bytes(body)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("orderId")).isEqualTo(first.body().get("orderId"));
        assertThat(ordersOf(id)).hasSize(1);
        assertThat(orders.get(first.body().get("orderId").asText()).channel()).isEqualTo("WEB");
    }

    @Test
    void aWebStoreShapedOrderIsMappedToTheCanonicalOrder() throws Exception {
        String body = """
                {"id": "%s", "email": "ann@example.com", "currency": "USD",
                 "customer": {"id": "S-42", "tags": "newsletter, VIP"},
                 "shipping_address": {"name": "Ann Lee", "address1": "10 Jay St", "city": "Brooklyn",
                                      "province_code": "NY", "zip": "11201", "country_code": "US"},
                 "line_items": [{"sku": "TSHIRT-BLK-M", "quantity": 3, "price": "19.90", "title": "Tee"}]}
                """.formatted(id);

        Reply reply = post(body, "application/vnd.maestro.webstore+json", WebhookSignature.sign(SECRET, bytes(body)));

        assertThat(reply.status()).isEqualTo(201);
        var order = orders.get(reply.body().get("orderId").asText());
        assertThat(order.channelOrderId()).isEqualTo(id);
        assertThat(order.customer().id()).isEqualTo("S-42");
        assertThat(order.customer().tier().name()).isEqualTo("VIP");
        assertThat(order.customer().email()).isEqualTo("ann@example.com");
        assertThat(order.shipTo().postalCode()).isEqualTo("11201");
        assertThat(order.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("TSHIRT-BLK-M");
            assertThat(l.quantity()).isEqualTo(3);
            assertThat(l.unitPrice()).isEqualByComparingTo("19.90");
        });
    }

    @Test
    void aWrongOrMissingSignatureIs401AndStoresNothing() throws Exception {
        String body = canonical(id, "TSHIRT-BLK-M", "10001");
        List<Reply> replies = new ArrayList<>();

        replies.add(post(body, "application/json", WebhookSignature.sign("not-the-secret", bytes(body))));
        replies.add(post(body, "application/json", WebhookSignature.sign(SECRET, bytes(body + " "))));
        replies.add(post(body, "application/json", "sha256=zz"));
        replies.add(post(body, "application/json", null));

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        assertThat(replies.get(3).body().get("detail").asText()).isEqualTo("header X-Maestro-Signature is missing");
        assertThat(ordersOf(id)).isEmpty();
    }

    @Test
    void aFractionalQuantityIs422AndAnotherOrderUnderTheSameIdA409() throws Exception {
        String fractional = canonical(id, "TSHIRT-BLK-M", "10001").replace("\"quantity\": 1", "\"quantity\": 1.5");
        String first = canonical(id, "TSHIRT-BLK-M", "10001");
        String other = canonical(id, "SHOE-RUN-42", "10001");

        Reply refused = post(fractional, "application/json", WebhookSignature.sign(SECRET, bytes(fractional)));
        Reply created = post(first, "application/json", WebhookSignature.sign(SECRET, bytes(first)));
        Reply conflict = post(other, "application/json", WebhookSignature.sign(SECRET, bytes(other)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("lines[0].quantity");
        assertThat(created.status()).isEqualTo(201);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(fields(conflict)).containsExactly("channelOrderId");
        assertThat(ordersOf(id)).hasSize(1);
    }

    @Test
    void aChannelWithoutASecretTakesNoWebhookOrders() throws Exception {
        String body = canonical(id, "TSHIRT-BLK-M", "10001");

        Reply reply = send("/api/channels/kiosk/orders", body, "application/json", WebhookSignature.sign(SECRET, bytes(body)));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("detail").asText()).isEqualTo("channel KIOSK takes no webhook orders");
    }

    @Test
    void badContentIs422NamingEveryFieldInTheShapeThatWasSent() throws Exception {
        String canonical = canonical(id, "NO-SUCH-SKU", "00000");
        String webStore = """
                {"id": "%s", "email": "not-an-email", "shipping_address": {"name": "Ann", "address1": "1 St",
                 "city": "Brooklyn", "province_code": "NY", "zip": "11201", "country_code": "US"},
                 "line_items": [{"sku": "TSHIRT-BLK-M", "quantity": 0, "price": "19.999"}]}
                """.formatted(id);

        Reply a = post(canonical, "application/json", WebhookSignature.sign(SECRET, bytes(canonical)));
        Reply b = post(webStore, "application/vnd.maestro.webstore+json", WebhookSignature.sign(SECRET, bytes(webStore)));

        assertThat(a.status()).isEqualTo(422);
        assertThat(fields(a)).containsExactlyInAnyOrder("shipTo.postalCode", "lines[0].sku");
        assertThat(b.status()).isEqualTo(422);
        assertThat(fields(b)).containsExactlyInAnyOrder("email", "line_items[0].quantity", "line_items[0].price");
        assertThat(ordersOf(id)).isEmpty();
    }

    @Test
    void bodiesThatAreNotJsonOrHaveWrongTypesAreRejectedWithWhere() throws Exception {
        String truncated = "{\"channelOrderId\": \"" + id + "\", \"lines\": [";
        String wrongType = "{\"channelOrderId\": \"" + id + "\", \"lines\": [{\"sku\": \"A\", \"quantity\": \"many\"}]}";

        Reply a = post(truncated, "application/json", WebhookSignature.sign(SECRET, bytes(truncated)));
        Reply b = post(wrongType, "application/json", WebhookSignature.sign(SECRET, bytes(wrongType)));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("detail").asText()).startsWith("not valid JSON");
        assertThat(b.status()).isEqualTo(422);
        assertThat(fields(b)).containsExactly("lines[0].quantity");
    }

    private List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private List<?> ordersOf(String channelOrderId) {
        return orders.list(new OrderFilter(null, "WEB", null, null, null), 0, 500).stream()
                .filter(o -> o.channelOrderId().equals(channelOrderId)).toList();
    }

    private Reply post(String body, String contentType, String signature) throws Exception {
        return send("/api/channels/web/orders", body, contentType, signature);
    }

    private Reply send(String path, String body, String contentType, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                json.readTree(response.body()));
    }

    static String canonical(String channelOrderId, String sku, String postalCode) {
        return """
                {"channelOrderId": "%s", "customer": {"id": "C-7", "email": "c7@example.com"},
                 "shipTo": {"name": "Casey", "line1": "1 Broadway", "city": "New York", "region": "NY",
                            "postalCode": "%s", "country": "US"},
                 "lines": [{"sku": "%s", "quantity": 1, "unitPrice": 19.90}]}
                """.formatted(channelOrderId, postalCode, sku);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
