package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The default run keeps its state in an H2 file under the data directory: a restart loses nothing and loads no demo twice. */
class RestartTest {

    @TempDir Path dataDir;

    @Test
    void ordersAndStockSurviveARestart() {
        String orderId;
        long onHand;
        int nodes;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            Api.Response accepted = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-RESTART"), Api.INTEGRATION);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            orderId = accepted.json().get("orderId").asText();
            onHand = api.post("/api/inventory/adjustments", Map.of("eventId", "restart-1", "nodeId", "DC-OLEAN",
                    "sku", "TSHIRT-BLK-M", "delta", 7), Api.INTEGRATION).json().get("position").get("onHand").asLong();
            nodes = api.get("/api/nodes", Api.ADMIN).json().size();
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            Api.Response order = api.get("/api/orders/" + orderId, Api.ADMIN);
            assertThat(order.status()).as(order.body()).isEqualTo(200);
            assertThat(order.json().get("channelOrderId").asText()).isEqualTo("W-RESTART");
            assertThat(api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-RESTART"), Api.INTEGRATION).status()).isEqualTo(200);
            assertThat(api.get("/api/inventory/nodes/DC-OLEAN", Api.ADMIN).json().findParents("sku").stream()
                    .filter(p -> p.get("sku").asText().equals("TSHIRT-BLK-M")).findFirst().orElseThrow()
                    .get("onHand").asLong()).isEqualTo(onHand);
            assertThat(api.get("/api/nodes", Api.ADMIN).json().size()).isEqualTo(nodes);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MaestroApplication.class).run("--server.port=0", "--spring.main.banner-mode=off",
                // Camunda's webapps and long polling keep static state that closing an application clears.
                "--camunda.bpm.webapp.enabled=false",
                "--maestro.worker.enabled=false",
                "--maestro.mqtt.port=0",
                "--maestro.data-dir=" + dataDir.toAbsolutePath());
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
