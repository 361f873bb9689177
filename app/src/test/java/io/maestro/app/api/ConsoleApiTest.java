package io.maestro.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.SampleOrders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the console reads that the API offers for it: order search, channels, KPIs, decision tables, one order's exceptions. */
@MaestroTest
class ConsoleApiTest {

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void ordersAreFoundByTheirIdsAndNarrowedByFilters() {
        String channelOrderId = "SEARCH-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Api.Response placed = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn(channelOrderId), Api.INTEGRATION);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().path("orderId").asText();

        JsonNode byChannelOrder = get("/api/orders/search?q=" + channelOrderId);
        assertThat(orderIds(byChannelOrder)).containsExactly(orderId);
        assertThat(byChannelOrder.path("items").get(0).path("customerEmail").asText()).isEqualTo("c7@example.com");
        assertThat(byChannelOrder.path("limit").asInt()).isEqualTo(200);
        assertThat(orderIds(get("/api/orders/search?q=" + orderId + "&channel=web"))).containsExactly(orderId);
        assertThat(orderIds(get("/api/orders/search?q=" + orderId + "&channel=STORE"))).isEmpty();
        assertThat(orderIds(get("/api/orders/search?q=" + orderId + "&olderThanHours=1"))).as("taken in just now")
                .isEmpty();
        assertThat(orderIds(get("/api/orders/search?limit=1")).size()).isEqualTo(1);

        Api.Response badStatus = api.get("/api/orders/search?status=LOST", Api.Auth.user("viewer"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().at("/errors/0/field").asText()).isEqualTo("status");
        Api.Response badAge = api.get("/api/orders/search?olderThanHours=-1&limit=0", Api.Auth.user("viewer"));
        assertThat(badAge.status()).isEqualTo(422);
        assertThat(badAge.contentType()).startsWith("application/problem+json");
        assertThat(badAge.body()).contains("olderThanHours").contains("limit");

        assertThat(get("/api/orders/channels").toString()).contains("\"WEB\"");
        assertThat(get("/api/exceptions?orderId=NO-SUCH-ORDER").path("total").asInt()).isZero();
    }

    @Test
    void kpisComeWithTheirBucketsAndTheDecisionTablesWithTheVersionInForce() {
        JsonNode week = get("/api/kpis?period=DAYS_7");
        assertThat(week.path("period").asText()).isEqualTo("DAYS_7");
        assertThat(week.path("bucket").asText()).isEqualTo("HOURS");
        assertThat(week.path("buckets").size()).isGreaterThan(24);
        assertThat(week.has("ordersByChannel")).isTrue();
        assertThat(week.has("backlogByStatus")).isTrue();
        assertThat(get("/api/kpis?period=DAYS_30").path("bucket").asText()).isEqualTo("DAYS");
        assertThat(api.get("/api/kpis?period=YEAR", Api.Auth.user("viewer")).status()).isEqualTo(400);

        JsonNode tables = get("/api/decisions");
        List<String> keys = new ArrayList<>();
        tables.forEach(t -> keys.add(t.path("key").asText()));
        assertThat(keys).contains("order-screening", "shipment-delay");
        tables.forEach(t -> assertThat(t.path("versionInForce").asInt()).as(t.toString()).isPositive());
    }

    private JsonNode get(String path) {
        Api.Response response = api.get(path, Api.Auth.user("viewer"));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> orderIds(JsonNode found) {
        List<String> ids = new ArrayList<>();
        found.path("items").forEach(r -> ids.add(r.path("orderId").asText()));
        return ids;
    }
}
