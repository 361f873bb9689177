package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack on real PostgreSQL: Camunda and core on one database, demo data, an order through
 * the API, allocated by the in-process worker over the engine REST, visible with its shipment and timeline.
 */
class PostgresEndToEndTest {

    @Test
    void anOrderIsAcceptedAndAllocatedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MaestroApplication.class).profiles("postgres")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--maestro.mqtt.enabled=false",
                        "--spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabaseUrl(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--maestro.demo.enabled=true")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn",
                    Bpmn.createExecutableProcess("probe").startEvent("StartEvent_OrderAccepted")
                            .serviceTask("Task_AllocateOrder").camundaExternalTask("allocate-order")
                            .endEvent("EndEvent_Allocated").done()).deploy();

            Api.Response accepted = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-PG-1"), Api.INTEGRATION);
            assertThat(accepted.status()).isEqualTo(201);
            assertThat(api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-PG-1"), Api.INTEGRATION).status())
                    .isEqualTo(200);
            String orderId = accepted.json().get("orderId").asText();
            engine.getRuntimeService().startProcessInstanceByKey("probe", orderId);

            JsonNode order = awaitAllocated(api, orderId);
            assertThat(order.get("shipments")).hasSize(1);
            assertThat(order.get("shipments").get(0).get("nodeId").asText()).isNotEqualTo("DC-BROOKLYN");
            assertThat(api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().get("entries")
                    .findValuesAsText("type")).containsSubsequence("ORDER_RECEIVED", "ALLOCATED");
            JsonNode tshirt = api.get("/api/inventory/TSHIRT-BLK-M", Api.ADMIN).json();
            assertThat(tshirt.get("reserved").asLong()).isEqualTo(2);
        }
    }

    private static JsonNode awaitAllocated(Api api, String orderId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            JsonNode order = api.get("/api/orders/" + orderId, Api.ADMIN).json();
            if (order.get("status").asText().equals("ALLOCATED")) {
                return order;
            }
            assertThat(Instant.now()).as("order %s allocated within a minute", orderId).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
