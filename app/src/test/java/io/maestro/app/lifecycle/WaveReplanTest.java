package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.integrations.sandbox.SandboxFaults;
import io.maestro.integrations.sandbox.SandboxProperties.Fault;
import io.maestro.workers.allocate.ReplanDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A wave re-plan applied through the order's process, end to end: an order allocated to Olean while Olean is down
 * (its release retried) is moved to Brooklyn by {@code POST /api/allocation/waves}; the order's process withdraws the
 * Olean shipment (its waiting shipment process ends without calling Olean), reserves Brooklyn and ships from there.
 * No shipment is left without a process.
 */
@MaestroTest
class WaveReplanTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired SandboxFaults faults;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired ReplanDelivery delivery;
    Api api;
    Lifecycle lifecycle;

    @BeforeEach
    void client() {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
    }

    @AfterEach
    void oleanBack() {
        faults.clear("DC-OLEAN");
    }

    @Test
    void aReplannedOrderIsWithdrawnAndShippedFromTheNewNodeByItsOwnProcess() {
        String sku = lifecycle.skuWithStock("WAVE-TEE", Map.of("DC-OLEAN", 2));
        faults.set("DC-OLEAN", new Fault(0, 0, true));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
        JsonNode allocated = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("ALLOCATED"));
        String oleanShipment = Lifecycle.liveShipments(allocated).get(0).path("shipmentId").asText();
        await(() -> releaseFailedOnce(orderId), "the release to Olean failed once and waits for its retry");
        stock("DC-BROOKLYN", sku, 2);

        Api.Response wave = api.post("/api/allocation/waves", Map.of("dryRun", false, "secondsPerChannel", 2), Api.ADMIN);

        assertThat(wave.status()).as(wave.body()).isEqualTo(200);
        JsonNode change = change(wave.json(), orderId);
        assertThat(change.path("outcome").asText()).as(change.toString()).isEqualTo("APPLIED");
        assertThat(change.path("applied").asBoolean()).isTrue();
        assertThat(change.path("newNodes").get(0).asText()).isEqualTo("DC-BROOKLYN");

        JsonNode delivered = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));
        assertThat(delivered.path("shipments").findValuesAsText("status")).containsExactlyInAnyOrder("CANCELLED",
                "DELIVERED");
        assertThat(Lifecycle.liveShipments(delivered)).singleElement()
                .satisfies(s -> assertThat(s.path("nodeId").asText()).isEqualTo("DC-BROOKLYN"));
        String brooklynShipment = Lifecycle.liveShipments(delivered).get(0).path("shipmentId").asText();
        assertThat(delivered.path("shipmentCosts")).as("the re-planned parcel keeps the wave's estimate to meet its label")
                .anySatisfy(c -> {
                    assertThat(c.path("shipmentId").asText()).isEqualTo(brooklynShipment);
                    assertThat(c.path("estimatedCost").isNumber()).as(c.toString()).isTrue();
                    assertThat(c.path("labelCost").decimalValue()).isEqualByComparingTo(c.path("estimatedCost").decimalValue());
                });
        await(() -> shipmentProcesses(orderId).isEmpty(), "the Olean shipment's process ended");
        String oleanProcess = history.createHistoricProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).variableValueEquals("shipmentId", oleanShipment).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(oleanProcess)
                .activityId("EndEvent_ShipmentNotReleased").count()).as("ended without calling Olean").isEqualTo(1);
        List<String> types = lifecycle.timeline(orderId).stream().map(e -> e.path("type").asText()).toList();
        assertThat(types).containsSubsequence("ALLOCATED", "SHIPMENT_WITHDRAWN", "REOPTIMISED", "SHIPMENT_RELEASED",
                "DELIVERED");
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("PARTNER_STEP_SKIPPED");
            assertThat(e.path("reason").asText()).contains(oleanShipment).contains("CANCELLED");
        });
        JsonNode positions = api.get("/api/inventory/" + sku, Api.ADMIN).json().path("nodes");
        assertThat(positions.findValues("reserved")).as("Olean's units back, Brooklyn's shipped")
                .allSatisfy(reserved -> assertThat(reserved.asInt()).isZero());
        assertThat(positions).anySatisfy(p -> {
            assertThat(p.path("nodeId").asText()).isEqualTo("DC-OLEAN");
            assertThat(p.path("onHand").asInt()).isEqualTo(2);
        });

        ReplanDelivery.Delivery again = delivery.deliver(new ReplanDelivery.Replan(orderId, "late",
                List.of(oleanShipment), List.of(), List.of(), "a plan for an order already delivered", Map.of()));
        assertThat(again.outcome()).isEqualTo(ReplanDelivery.Outcome.SKIPPED);
    }

    private boolean releaseFailedOnce(String orderId) {
        return shipmentProcesses(orderId).stream().anyMatch(pi -> management.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_ReleaseToNode").withException().count() == 1);
    }

    private List<ProcessInstance> shipmentProcesses(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).list();
    }

    private void stock(String nodeId, String sku, int units) {
        Api.Response adjusted = api.post("/api/inventory/adjustments", Map.of("eventId", "wave-" + sku + "-" + nodeId,
                "nodeId", nodeId, "sku", sku, "setOnHand", units, "reason", "stock arrived"), Api.ADMIN);
        assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
    }

    private static JsonNode change(JsonNode report, String orderId) {
        List<JsonNode> changes = new ArrayList<>();
        report.path("changes").forEach(c -> {
            if (c.path("orderId").asText().equals(orderId)) {
                changes.add(c);
            }
        });
        assertThat(changes).as(report.toString()).hasSize(1);
        return changes.get(0);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
