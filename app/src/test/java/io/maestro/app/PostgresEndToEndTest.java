package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack on real PostgreSQL: Camunda and core on one database, demo data, the seed scenario through
 * the API — order-fulfillment with its decisions, allocation by the in-process worker over the engine REST, the
 * sandbox node system and carrier answering over HTTP — until the order is delivered.
 */
class PostgresEndToEndTest {

    @Test
    void theSeedOrderIsDeliveredOnPostgresFromOneCompleteSource() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MaestroApplication.class).profiles("postgres")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--maestro.mqtt.enabled=false",
                        "--spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabaseUrl(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--maestro.demo.enabled=true", "--maestro.sandbox.enabled=true", "--maestro.sandbox.speed=0.05",
                        "--maestro.sandbox.rejection-rate=0", "--maestro.sandbox.delay-rate=0",
                        "--maestro.fulfillment.partner-event-poll-millis=200")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

            Api.Response accepted = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-PG-1"), Api.INTEGRATION);
            assertThat(accepted.status()).isEqualTo(201);
            assertThat(api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-PG-1"), Api.INTEGRATION).status())
                    .isEqualTo(200);
            String orderId = accepted.json().get("orderId").asText();

            JsonNode order = awaitStatus(api, orderId, "DELIVERED");
            assertThat(order.get("shipments")).hasSize(1);
            JsonNode shipment = order.get("shipments").get(0);
            assertThat(shipment.get("nodeId").asText()).isIn("DC-OLEAN", "ST-NYC-SOHO");
            assertThat(shipment.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(shipment.get("trackingNumber").asText()).isNotBlank();
            assertThat(api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().get("entries")
                    .findValuesAsText("type")).containsSubsequence("ORDER_RECEIVED", "DECISION", "ALLOCATED", "LABEL_PURCHASED");
            JsonNode tshirt = api.get("/api/inventory/TSHIRT-BLK-M", Api.ADMIN).json();
            assertThat(tshirt.get("reserved").asLong()).as("the reservation was consumed when the parcel left").isZero();
            assertThat(tshirt.get("onHand").asLong()).isEqualTo(3);
        }
    }

    private static JsonNode awaitStatus(Api api, String orderId, String status) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode order = api.get("/api/orders/" + orderId, Api.ADMIN).json();
            if (order.get("status").asText().equals(status)) {
                return order;
            }
            assertThat(Instant.now()).as("order %s %s within two minutes: %s", orderId, status, order).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
