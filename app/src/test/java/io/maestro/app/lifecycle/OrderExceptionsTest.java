package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.processes.StockSignals;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/exceptions}: an order waiting for a person, one with an incident and one that stopped moving are
 * listed with the reason and the step, oldest first; what an operator chose on a task's form reaches the timeline.
 */
@MaestroTest
class OrderExceptionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired StockSignals stockSignals;
    Api api;
    Lifecycle lifecycle;

    @BeforeEach
    void client() {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
    }

    @Test
    void anOrderWaitingForAPersonIsListedWithItsTaskAndTheOperatorsChoiceReachesTheTimeline() {
        String sku = lifecycle.skuWithStock("HELD-EXC", Map.of("DC-OLEAN", 5));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 30, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("ON_HOLD"));

        JsonNode entry = only(listed("USER_TASK", Api.Auth.user("viewer")), orderId);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        assertThat(entry.path("stepId").asText()).isEqualTo("Task_ReviewHeldOrder");
        assertThat(entry.path("stepName").asText()).isEqualTo("Review held order");
        assertThat(entry.path("orderStatus").asText()).isEqualTo("ON_HOLD");
        assertThat(entry.path("reason").asText()).contains("Review held order").contains("not claimed");
        assertThat(entry.path("taskId").asText()).isEqualTo(task.getId());
        assertThat(entry.path("tasklistLink").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task.getId());

        // As Tasklist calls it: the operator with their groups (the engine's authorizations are on).
        identity.setAuthentication("operator", List.of("operator"));
        try {
            tasks.complete(task.getId(), Map.of("reviewDecision", "CANCEL", "reviewNote", "customer confirmed a typo"));
        } finally {
            identity.clearAuthentication();
        }

        JsonNode completed = lifecycle.timeline(orderId).stream()
                .filter(e -> e.path("type").asText().equals("TASK_COMPLETED")).findFirst().orElseThrow();
        assertThat(completed.path("actor").asText()).isEqualTo("operator");
        assertThat(completed.path("reason").asText()).startsWith("Review held order completed by operator")
                .contains("reviewDecision = CANCEL").contains("reviewNote = customer confirmed a typo")
                .doesNotContain("holdReason").doesNotContain("orderValue");
        assertThat(completed.path("details").path("task").asText()).isEqualTo("Task_ReviewHeldOrder");
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(listed("USER_TASK", Api.Auth.user("operator"))).noneMatch(e -> e.path("orderId").asText().equals(orderId));
    }

    @Test
    void anIncidentAndAStalledOrderAreListedWithTheirReasonAndStepOldestFirst() {
        String sku = lifecycle.skuWithStock("NONE-EXC", Map.of("DC-OLEAN", 0));
        String failing = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        String stalled = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        lifecycle.awaitOrder(failing, PATIENCE, Lifecycle.status("BACKORDERED"));
        lifecycle.awaitOrder(stalled, PATIENCE, Lifecycle.status("BACKORDERED"));
        String waitingAt = activeActivity(stalled);

        String failingAt = activeActivity(failing);
        Execution execution = runtime.createExecutionQuery().processInstanceBusinessKey(failing).activityId(failingAt)
                .list().get(0);
        Incident incident = runtime.createIncident("partnerUnavailable", execution.getId(), "test", "Connection refused by DC-OLEAN");
        jdbc.update("update orders set updated_at = ? where id = ?", OffsetDateTime.now().minusDays(3), stalled);
        try {
            JsonNode failed = only(listed("INCIDENT", Api.Auth.user("operator")), failing);
            assertThat(failed.path("incidentId").asText()).isEqualTo(incident.getId());
            assertThat(failed.path("reason").asText()).contains("partnerUnavailable").contains("Connection refused by DC-OLEAN");
            assertThat(failed.path("stepId").asText()).isEqualTo(failingAt);
            assertThat(failed.path("stepName").asText()).isNotBlank();

            JsonNode stuck = only(listed("STALLED", Api.ADMIN), stalled);
            assertThat(stuck.path("orderStatus").asText()).isEqualTo("BACKORDERED");
            assertThat(stuck.path("reason").asText()).contains("No change for more than PT48H").contains("BACKORDERED");
            assertThat(stuck.path("stepId").asText()).isEqualTo(waitingAt);
            assertThat(stuck.path("stepName").asText()).isNotBlank();
            assertThat(listed("STALLED", Api.ADMIN)).as("an order with an incident is listed for it, not as stalled")
                    .noneMatch(e -> e.path("orderId").asText().equals(failing));

            List<JsonNode> all = listed(null, Api.ADMIN);
            assertThat(all).extracting(e -> e.path("since").asText()).isSortedAccordingTo((a, b) ->
                    OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)));
            assertThat(all.indexOf(only(listed(all, "STALLED"), stalled))).as("three days old: before the incident of today")
                    .isLessThan(all.indexOf(only(listed(all, "INCIDENT"), failing)));
            JsonNode firstPage = api.get("/api/exceptions?page=0&size=1", Api.ADMIN).json();
            assertThat(firstPage.path("items")).hasSize(1);
            assertThat(firstPage.path("total").asLong()).isEqualTo(all.size());
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    @Test
    void ordersWaitingForStockForAReleaseOrForARetriedStepAreListedWithSinceWhen() {
        String sku = lifecycle.skuWithStock("WAIT-EXC", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));

        JsonNode waiting = only(listed("WAITING_FOR_STOCK", Api.Auth.user("viewer")), orderId);
        assertThat(waiting.path("stepId").asText()).isEqualTo("CatchEvent_InventoryAvailable");
        assertThat(waiting.path("stepName").asText()).isEqualTo("Inventory available");
        assertThat(waiting.path("reason").asText()).startsWith("Waiting for stock since ");
        assertThat(waiting.path("orderStatus").asText()).isEqualTo("BACKORDERED");

        assertThat(api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "customer asked to wait"), Api.ADMIN)
                .status()).isEqualTo(202);
        assertThat(api.post("/api/inventory/adjustments", Map.of("eventId", "WAIT-EXC-" + sku, "nodeId", "DC-OLEAN",
                "sku", sku, "delta", 5, "reason", "receipt"), Api.ADMIN).status()).isIn(200, 201);
        JsonNode held = awaitListed("HELD", orderId);
        assertThat(held.path("stepId").asText()).isEqualTo("Task_AwaitReleaseBeforeAllocation");
        assertThat(held.path("reason").asText()).contains("/api/orders/" + orderId + "/release");
        assertThat(listed("WAITING_FOR_STOCK", Api.ADMIN)).noneMatch(e -> e.path("orderId").asText().equals(orderId));
        assertThat(api.post("/api/orders/" + orderId + "/release", Map.of(), Api.ADMIN).status()).isEqualTo(202);
        JsonNode shipped = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));
        assertThat(listed(null, Api.ADMIN)).noneMatch(e -> e.path("orderId").asText().equals(orderId));

        // a carrier's delay report that cannot be measured fails at Task_PrepareDelayDecision and is retried
        String shipmentId = shipped.path("shipments").get(0).path("shipmentId").asText();
        String delayed = runtime.createProcessInstanceByKey("shipment-execution").businessKey(orderId)
                .setVariable("shipmentId", shipmentId).setVariable("newEstimatedDelivery", "next week")
                .startBeforeActivity("Task_PrepareDelayDecision").execute().getId();
        try {
            JsonNode retried = awaitListed("RETRYING", orderId);
            assertThat(retried.path("stepId").asText()).isEqualTo("Task_PrepareDelayDecision");
            assertThat(retried.path("stepName").asText()).isEqualTo("Measure the delay");
            assertThat(retried.path("reason").asText()).contains("attempt(s) left").contains("newEstimatedDelivery");
            assertThat(retried.path("jobId").asText()).isNotBlank();
        } finally {
            runtime.deleteProcessInstance(delayed, "test done");
        }
    }

    @Test
    void shipWhatIsAvailableIsOnTheTimelineAndStandsAtTheNextRetry() {
        String sku = lifecycle.skuWithStock("SHIP-AVAIL", Map.of("DC-OLEAN", 1));
        // the test's own stock is new stock: its wake-up goes out before the order waits, or it would wake the order
        await("the new stock's wake-up sent").atMost(PATIENCE).until(() -> !stockSignals.pendingSkus().contains(sku));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 3, Map.of("customer",
                Map.of("id", "C-9", "tier", "VIP", "email", "c9@example.com"))));

        AtomicInteger retries = new AtomicInteger();
        // a timer fired here can meet the process moving on its own: the engine says so, and the next poll tries again
        Task escalated = await("escalated: " + orderId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreException(OptimisticLockingException.class).until(() -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(orderId)
                    .taskDefinitionKey("Task_ResolveAllocationException").singleResult();
            Job timer = task == null ? retryTimer(orderId) : null;
            if (timer != null) {
                management.executeJob(timer.getId());
                retries.incrementAndGet();
            }
            return task;
        }, Objects::nonNull);
        assertThat(retries.get()).as("escalated after 3 backorders, each at its retry time: the units an order gives back "
                + "when it backorders do not wake it").isEqualTo(3);

        identity.setAuthentication("operator", List.of("operator"));
        try {
            tasks.complete(escalated.getId(), Map.of("operatorDecision", "SHIP_PARTIAL",
                    "operatorNote", "ship the one we have, the rest when it comes"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("TASK_COMPLETED");
            assertThat(e.path("actor").asText()).isEqualTo("operator");
            assertThat(e.path("reason").asText()).startsWith("Resolve allocation exception completed by operator")
                    .contains("operatorDecision = SHIP_PARTIAL")
                    .contains("operatorNote = ship the one we have, the rest when it comes");
        });

        Job nextRetry = awaitRetryTimer(orderId);
        management.executeJob(nextRetry.getId());
        JsonNode answered = awaitTimeline(orderId, "ESCALATION_ANSWERED");
        assertThat(answered.path("reason").asText()).contains("SHIP_PARTIAL").contains("still short after 3 backorders");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).count()).as("not asked again").isZero();
    }

    private Job retryTimer(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("order-fulfillment")
                .processInstanceBusinessKey(orderId).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId())
                        .activityId("CatchEvent_BackorderRetry").timers().list().stream())
                .findFirst().orElse(null);
    }

    private Job awaitRetryTimer(String orderId) {
        return await("waits for its retry: " + orderId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> retryTimer(orderId), Objects::nonNull);
    }

    private JsonNode awaitTimeline(String orderId, String type) {
        return await(type + " on the timeline of " + orderId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> lifecycle.timeline(orderId).stream().filter(e -> e.path("type").asText().equals(type))
                        .findFirst(), Optional::isPresent).get();
    }

    @Test
    void badParametersAreNamed() {
        Api.Response bad = api.get("/api/exceptions?kind=LATE&size=0", Api.ADMIN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("kind");
    }

    private String activeActivity(String orderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).list().stream()
                .flatMap(p -> runtime.getActiveActivityIds(p.getId()).stream()).findFirst().orElseThrow();
    }

    private List<JsonNode> listed(String kind, Api.Auth auth) {
        Api.Response response = api.get("/api/exceptions?size=500" + (kind == null ? "" : "&kind=" + kind), auth);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }

    private JsonNode awaitListed(String kind, String orderId) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<JsonNode> found = listed(kind, Api.ADMIN).stream().filter(e -> e.path("orderId").asText().equals(orderId))
                    .toList();
            if (!found.isEmpty() || System.nanoTime() > until) {
                return only(found, orderId);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<JsonNode> listed(List<JsonNode> entries, String kind) {
        return entries.stream().filter(e -> e.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode only(List<JsonNode> entries, String orderId) {
        List<JsonNode> found = entries.stream().filter(e -> e.path("orderId").asText().equals(orderId)).toList();
        assertThat(found).as("entries for %s in %s", orderId, entries).hasSize(1);
        return found.get(0);
    }
}
