package io.maestro.app.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.kpi.KpiReport.Percentiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order KPIs of the last 24 hours count an order that went all the way, and an order held for a person. */
@MaestroTest
class OrderKpisTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired OrderKpis kpis;

    @Test
    void aDeliveredOrderCountsInEveryFigureAndAHeldOneInTheBacklog() throws InterruptedException {
        Api api = new Api(port);
        KpiReport before = kpis.of(KpiPeriod.HOURS_24);
        String sku = "KPI-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        assertThat(api.post("/api/skus", Map.of("sku", sku, "name", "KPI " + sku, "category", "TEST", "weightKg", 0.25,
                "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false), Api.ADMIN).status())
                .isIn(200, 201);
        assertThat(api.post("/api/inventory/adjustments", Map.of("eventId", "stock-" + sku, "nodeId", "DC-EDISON",
                "sku", sku, "setOnHand", 100, "reason", "test stock"), Api.ADMIN).status()).isIn(200, 201);
        String delivered = place(api, sku, 2);
        String held = place(api, sku, 30);

        Instant deadline = Instant.now().plus(PATIENCE);
        while (!status(api, delivered).equals("DELIVERED") || !status(api, held).equals("ON_HOLD")) {
            assertThat(Instant.now()).as("%s and %s reach DELIVERED and ON_HOLD", delivered, held).isBefore(deadline);
            Thread.sleep(200);
        }

        KpiReport after = kpis.of(KpiPeriod.HOURS_24);
        assertThat(after.orders()).isEqualTo(before.orders() + 2);
        assertThat(sumOf(after, "WEB")).isEqualTo(sumOf(before, "WEB") + 2);
        // Orders of other tests in the shared application may reach a milestone meanwhile: at least this test's order.
        assertThat(after.orderToAllocated().count()).isGreaterThanOrEqualTo(before.orderToAllocated().count() + 1);
        assertThat(after.orderToDelivered().count()).isGreaterThanOrEqualTo(before.orderToDelivered().count() + 1);
        assertThat(after.orderToDelivered().p50()).isNotNull();
        assertThat(after.fillRate()).isBetween(0.0, 1.0);
        assertThat(after.costPerOrder()).isPositive();
        assertThat(after.co2KgPerOrder()).isPositive();
        assertThat(after.backlogByStatus().get("ON_HOLD")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void percentilesAreNearestRank() {
        Percentiles p = Percentiles.of(List.of(5L, 1L, 4L, 2L, 3L, 6L, 7L, 8L, 9L, 10L));
        assertThat(p).isEqualTo(new Percentiles(10, 5L, 9L, 10L));
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, null, null, null));
    }

    private static long sumOf(KpiReport report, String channel) {
        return report.ordersByChannel().getOrDefault(channel, List.of()).stream().mapToLong(Long::longValue).sum();
    }

    private static String status(Api api, String orderId) {
        return api.get("/api/orders/" + orderId, Api.ADMIN).json().path("status").asText();
    }

    private static String place(Api api, String sku, int quantity) {
        Api.Response accepted = api.post("/api/orders", Map.of("channel", "WEB",
                "channelOrderId", "KPI-" + sku + "-" + quantity,
                "customer", Map.of("id", "C-KPI", "tier", "STANDARD", "email", "kpi@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", 19.90))), Api.INTEGRATION);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("orderId").asText();
    }
}
