package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scaling out: a worker started with profile {@code worker} runs no engine and no web server, polls
 * another node's engine REST with an API key, and allocates on the shared database.
 */
class StandaloneWorkerTest {

    @Test
    void aWorkerWithoutAnEngineAllocatesForAnotherNode() {
        String database = "--spring.datasource.url=jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(MaestroApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off", database, "--maestro.worker.enabled=false",
                "--maestro.mqtt.enabled=false")) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(MaestroApplication.class)
                    .profiles("worker").run("--spring.main.banner-mode=off", database,
                            "--maestro.worker.engine-url=http://localhost:" + port + "/engine-rest",
                            "--maestro.worker.api-key=demo-integration-key")) {
                assertThat(worker.getBeanNamesForType(ProcessEngine.class)).isEmpty();

                ProcessEngine engine = node.getBean(ProcessEngine.class);
                engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn",
                        Bpmn.createExecutableProcess("probe").startEvent("StartEvent_OrderAccepted")
                                .serviceTask("Task_AllocateOrder").camundaExternalTask("allocate-order")
                                .endEvent("EndEvent_Allocated").done()).deploy();
                Api.Response accepted = new Api(port).post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("W-SCALE"),
                        Api.INTEGRATION);
                String orderId = accepted.json().get("orderId").asText();

                String instance = engine.getRuntimeService().startProcessInstanceByKey("probe", orderId).getId();

                awaitEnd(engine.getHistoryService(), instance);
                assertThat(node.getBean(OrderService.class).get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
            }
        }
    }

    private static void awaitEnd(HistoryService history, String instance) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 0) {
            assertThat(Instant.now()).as("the standalone worker finished the task within a minute").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
