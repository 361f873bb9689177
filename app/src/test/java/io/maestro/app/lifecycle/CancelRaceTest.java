package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many orders, each cancelled by several operators at random moments while its process allocates, releases and
 * ships it with the sandbox partners: no cancel is answered 5xx, every 202 takes effect (the order ends CANCELLED,
 * or what had not shipped is cancelled), every 409 says why.
 */
@MaestroTest
class CancelRaceTest {

    private static final int ORDERS = 40;
    private static final int CANCELS_PER_ORDER = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    record Answer(String orderId, Api.Response response) {
    }

    @Test
    void cancelsRacingTheProcessAreAppliedOrRefusedWithAReasonNeverLost() throws Exception {
        Api api = new Api(port);
        Lifecycle lifecycle = new Lifecycle(api);
        String sku = lifecycle.skuWithStock("RACE-TEE", Map.of("DC-OLEAN", 200, "DC-BROOKLYN", 200));
        String other = lifecycle.skuWithStock("RACE-CAP", Map.of("DC-OLEAN", 200));
        Random random = new Random(13);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<String> orderIds = new ArrayList<>();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(8);
        List<ScheduledFuture<?>> sent = new ArrayList<>();
        Map<String, Integer> operators = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < ORDERS; i++) {
                Map<String, Object> body = i % 2 == 0 ? Lifecycle.order("WEB", sku, 1 + i % 3, Map.of())
                        : Lifecycle.order("WEB", sku, 2, Map.of("lines", List.of(
                        Map.of("sku", sku, "quantity", 2, "unitPrice", 19.90),
                        Map.of("sku", other, "quantity", 1, "unitPrice", 9.90))));
                String orderId = lifecycle.place(body);
                orderIds.add(orderId);
                for (int c = 0; c < CANCELS_PER_ORDER; c++) {
                    String operator = c % 2 == 0 ? "operator" : "admin";
                    operators.merge(orderId, 1, Integer::sum);
                    sent.add(clients.schedule(() -> answers.add(new Answer(orderId, api.post("/api/orders/" + orderId
                            + "/cancel", Map.of("reason", "customer called"), Api.Auth.user(operator)))),
                            random.nextInt(1500), TimeUnit.MILLISECONDS));
                }
            }
            for (ScheduledFuture<?> s : sent) {
                s.get();
            }
        } finally {
            clients.shutdown();
        }

        assertThat(answers).hasSize(ORDERS * CANCELS_PER_ORDER);
        assertThat(answers).anyMatch(a -> a.response().status() == 202);
        assertThat(answers).allSatisfy(a -> assertThat(a.response().status()).as(a.response().body()).isIn(202, 409));
        assertThat(answers).filteredOn(a -> a.response().status() == 409).allSatisfy(a -> {
            assertThat(a.response().contentType()).startsWith("application/problem+json");
            assertThat(a.response().json().path("detail").asText()).isNotBlank();
        });
        for (String orderId : orderIds) {
            boolean accepted = answers.stream().anyMatch(a -> a.orderId().equals(orderId) && a.response().status() == 202);
            JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, o -> settled(o, accepted));
            if (accepted) {
                assertThat(order.path("lineQuantities")).as(order.toString()).allSatisfy(l ->
                        assertThat(l.path("shipped").asInt() + l.path("cancelled").asInt()).isEqualTo(l.path("ordered").asInt()));
                assertThat(activeReservations(orderId)).as("reservations of cancelled %s", orderId).isZero();
                assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
                    assertThat(e.path("type").asText()).isEqualTo("CANCEL_APPLIED");
                    assertThat(e.path("actor").asText()).isIn("operator", "admin");
                });
            } else {
                assertThat(order.path("status").asText()).isIn("SHIPPED", "DELIVERED");
            }
            JsonNode commands = api.get("/api/orders/" + orderId + "/commands", Api.ADMIN).json();
            assertThat(commands).hasSize(operators.get(orderId));
            assertThat(commands).allSatisfy(c -> assertThat(c.path("status").asText()).isIn("APPLIED", "REFUSED"));
        }
    }

    /** Cancelled orders have nothing left moving; the others have left the nodes in full. */
    private static boolean settled(JsonNode order, boolean cancelled) {
        if (!cancelled) {
            return order.path("status").asText().equals("SHIPPED") || order.path("status").asText().equals("DELIVERED");
        }
        boolean nothingMoving = Lifecycle.liveShipments(order).stream().map(s -> s.path("status").asText())
                .allMatch(s -> s.equals("DISPATCHED") || s.equals("DELAYED") || s.equals("DELIVERED"));
        boolean restCancelled = true;
        for (JsonNode line : order.path("lineQuantities")) {
            restCancelled &= line.path("shipped").asInt() + line.path("cancelled").asInt() == line.path("ordered").asInt();
        }
        return nothingMoving && restCancelled && order.path("lineQuantities").findValues("allocated").stream()
                .allMatch(a -> a.asInt() == 0);
    }

    private int activeReservations(String orderId) {
        return jdbc.queryForObject("select count(*) from reservation where order_id = ? and status = 'ACTIVE'",
                Integer.class, orderId);
    }
}
