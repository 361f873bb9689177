package io.maestro.app.api;

import static io.maestro.app.Api.INTEGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.SampleOrders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@MaestroTest
class OrderApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void acceptsAnOrderOnceAndShowsIt() {
        Api.Response created = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-API-1"), INTEGRATION);
        Api.Response again = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-API-1"), INTEGRATION);

        assertThat(created.status()).isEqualTo(201);
        String orderId = created.json().get("orderId").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("orderId").asText()).isEqualTo(orderId);

        JsonNode order = api.get("/api/orders/" + orderId, Api.Auth.user("viewer")).json();
        assertThat(order.get("channelOrderId").asText()).isEqualTo("W-API-1");
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("TSHIRT-BLK-M");
        assertThat(order.get("shipments").isArray()).isTrue();
        assertThat(order.get("pickupNodeId").isNull()).isTrue();

        JsonNode timeline = api.get("/api/orders/" + orderId + "/timeline", Api.Auth.user("operator")).json();
        assertThat(timeline.get("entries").get(0).get("type").asText()).isEqualTo("ORDER_RECEIVED");
        assertThat(timeline.get("entries").get(0).get("actor").asText()).isEqualTo("api-key:demo-integration");
        assertThat(timeline.get("entries").get(0).get("details").get("lines").asInt()).isEqualTo(1);
    }

    @Test
    void listsOrdersWithFiltersAndPages() {
        api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-LIST-1"), INTEGRATION);
        api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-LIST-2"), INTEGRATION);

        JsonNode page = api.get("/api/orders?channel=WEB&status=RECEIVED&size=1&page=0", Api.ADMIN).json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        Api.Response badStatus = api.get("/api/orders?status=LOST", Api.ADMIN);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/orders?size=0", Api.ADMIN).status()).isEqualTo(422);
    }

    @Test
    void malformedJsonIsA400AndAValueOfTheWrongTypeA422NamingItsPath() {
        long before = orders();
        Api.Response truncated = api.post("/api/orders", "{\"channel\": \"WEB\", \"lines\": [", INTEGRATION);
        Api.Response wrongType = api.post("/api/orders",
                "{\"channel\":\"WEB\",\"channelOrderId\":\"X\",\"lines\":[{\"sku\":\"TSHIRT-BLK-M\",\"quantity\":\"two\"}]}",
                INTEGRATION);
        Api.Response unknownEnum = api.post("/api/orders", "{\"channel\":\"WEB\",\"preference\":\"SLOWEST\"}", INTEGRATION);

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(unknownEnum.status()).isEqualTo(422);
        assertThat(unknownEnum.json().get("errors").get(0).get("field").asText()).isEqualTo("preference");
        assertThat(unknownEnum.json().get("errors").get(0).get("message").asText()).contains("SLOWEST").contains("BALANCED");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void aFractionalQuantityIsA422NamingTheLineNeverRounded() {
        long before = orders();
        Map<String, Object> order = new HashMap<>(SampleOrders.twoTshirtsToBrooklyn("W-FRACTION"));
        order.put("lines", List.of(Map.of("sku", "TSHIRT-BLK-M", "quantity", 1.5, "unitPrice", 19.90)));

        Api.Response response = api.post("/api/orders", order, INTEGRATION);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("lines[0].quantity");
            assertThat(e.get("message").asText()).isEqualTo("'1.5' is not a whole number");
        });
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void anUnconfiguredChannelIsA422NamingIt() {
        long before = orders();
        Map<String, Object> order = new HashMap<>(SampleOrders.twoTshirtsToBrooklyn("T-1"));
        order.put("channel", "TIKTOK");

        Api.Response response = api.post("/api/orders", order, INTEGRATION);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("channel");
            assertThat(e.get("message").asText()).startsWith("unknown channel TIKTOK; configured: ").contains("WEB");
        });
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void theSameChannelOrderIdForAnotherOrderIsA409NamingTheKey() {
        Api.Response created = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-REUSED"), INTEGRATION);
        Map<String, Object> other = new HashMap<>(SampleOrders.twoTshirtsToBrooklyn("W-REUSED"));
        other.put("lines", List.of(Map.of("sku", "TSHIRT-BLK-M", "quantity", 3, "unitPrice", 19.90)));
        Map<String, Object> sameSpelledOut = new HashMap<>(SampleOrders.twoTshirtsToBrooklyn("W-REUSED"));
        sameSpelledOut.put("unknownField", "ignored");

        Api.Response conflict = api.post("/api/orders", other, INTEGRATION);
        Api.Response repeat = api.post("/api/orders", sameSpelledOut, INTEGRATION);

        String orderId = created.json().get("orderId").asText();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText())
                .isEqualTo("channelOrderId W-REUSED was already used for a different order (" + orderId + ") of channel WEB");
        assertThat(conflict.json().get("errors").get(0).get("field").asText()).isEqualTo("channelOrderId");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("orderId").asText()).isEqualTo(orderId);
        assertThat(jdbc.queryForObject("select sum(quantity) from order_line where order_id = ?", Integer.class, orderId))
                .isEqualTo(2);
    }

    @Test
    void badContentIsA422NamingEveryField() {
        long before = orders();
        Map<String, Object> bad = Map.of("channel", "WEB", "channelOrderId", "W-BAD",
                "customer", Map.of("id", "C-1"),
                "shipTo", Map.of("name", "A", "line1", "1 St", "city", "X", "region", "NY", "postalCode", "00000",
                        "country", "US"),
                "lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1, "unitPrice", 1),
                        Map.of("sku", "TSHIRT-BLK-M", "quantity", 0, "unitPrice", 1)));

        Api.Response response = api.post("/api/orders", bad, INTEGRATION);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("shipTo.postalCode", "lines[0].sku", "lines[1].quantity");
        assertThat(response.json().get("detail").asText()).contains("unknown SKU NO-SUCH-SKU");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void anUnknownOrderIs404() {
        Api.Response response = api.get("/api/orders/ORD-0", Api.ADMIN);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).isEqualTo("Order ORD-0 does not exist");
    }

    private long orders() {
        return jdbc.queryForObject("select count(*) from orders", Long.class);
    }
}
