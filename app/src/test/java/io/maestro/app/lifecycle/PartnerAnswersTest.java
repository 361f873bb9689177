package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.integrations.sandbox.SandboxFaults;
import io.maestro.integrations.sandbox.SandboxLabels;
import io.maestro.integrations.sandbox.SandboxProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partners' answers through the whole application and the real sandbox partners over HTTP: a store that takes back a
 * pickup nobody collected, a store that says the pickup has left, a carrier that voids a label, cancels while the goods
 * travel to the store or wait there, a cancel while the node is down (promised at once, carried out when it answers). The no-show timer is brought forward (its job run now) instead of waiting a week.
 */
@MaestroTest
class PartnerAnswersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String STORE = "ST-NYC-HERALD";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired SandboxProperties sandbox;
    @Autowired SandboxLabels labels;
    @Autowired SandboxFaults faults;
    Api api;
    Lifecycle lifecycle;

    @BeforeEach
    void client() {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
    }

    @Test
    void aPickupNobodyCollectsIsTakenBackByTheStoreAndItsStockIsOnSaleThereAgain() {
        String sku = lifecycle.skuWithStock("NOSHOW", Map.of(STORE, 2));
        String orderId = lifecycle.place(pickup(sku, 2));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("READY_FOR_PICKUP"));
        assertThat(reserved(STORE, sku)).isEqualTo(2);

        noShow(orderId);

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));

        assertThat(reserved(STORE, sku)).isZero();
        assertThat(onHand(STORE, sku)).isEqualTo(2);
        assertThat(activeReservations(orderId)).isZero();
        assertThat(types(orderId)).containsSubsequence("PICKUP_NO_SHOW", "PICKUP_CANCELLED")
                .doesNotContain("PARTNER_FAILURE", "PARTNER_REFUSED");
    }

    @Test
    void aPickupTheStoreSaysHasLeftIsLookedForByAnAssociateWhoPutsItBackAndTheOrderIsCancelled() {
        String sku = lifecycle.skuWithStock("LEFT", Map.of(STORE, 2));
        String orderId = lifecycle.place(pickup(sku, 2));
        JsonNode ready = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("READY_FOR_PICKUP"));
        String shipmentId = Lifecycle.liveShipments(ready).get(0).path("shipmentId").asText();
        Api.Response handedOver = api.post("/sandbox/nodes/" + STORE + "/releases/" + shipmentId + "/hand-over", Map.of(),
                Api.Auth.NONE);
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);

        noShow(orderId);

        Task check = awaitTask(orderId, "Task_CheckGoodsAtStore");
        assertThat(lifecycle.order(orderId).path("status").asText()).isEqualTo("READY_FOR_PICKUP");
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("PARTNER_REFUSED");
            assertThat(e.path("reason").asText()).contains(shipmentId + " has left " + STORE);
        });
        tasks.complete(check.getId(), Map.of("storeFinding", "PUT_BACK", "storeNote", "found on the pickup shelf"));

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(reserved(STORE, sku)).isZero();
        assertThat(onHand(STORE, sku)).isEqualTo(2);
        assertThat(types(orderId)).doesNotContain("PARTNER_FAILURE");
    }

    @Test
    void cancellingAfterTheLabelWasBoughtWithdrawsAtTheNodeAndVoidsTheLabel() {
        String sku = lifecycle.skuWithStock("LABELLED", Map.of("DC-OLEAN", 2));
        sandbox.setSpeed(60);
        JsonNode labelled;
        String orderId;
        try {
            orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
            labelled = lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).stream()
                    .anyMatch(s -> s.path("trackingNumber").isTextual()));
        } finally {
            sandbox.setSpeed(0.05);
        }
        JsonNode shipment = Lifecycle.liveShipments(labelled).get(0);
        assertThat(shipment.path("status").asText()).as("not dispatched yet").isIn("RELEASED", "ACCEPTED");

        cancel(orderId);

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(types(orderId)).containsSubsequence("SHIPMENT_WITHDRAWN", "LABEL_VOIDED", "ORDER_CANCELLED");
        assertThat(labels.isVoided(shipment.path("trackingNumber").asText())).as("the carrier took the label back").isTrue();
        assertThat(reserved("DC-OLEAN", sku)).isZero();
    }

    @Test
    void aCancelWhileTheNodeIsDownIsPromisedAtOnceAndCarriedOutWhenTheNodeAnswers() {
        String sku = lifecycle.skuWithStock("NODEDOWN", Map.of("DC-OLEAN", 2));
        sandbox.setSpeed(60);
        String orderId;
        String shipmentId;
        try {
            orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
            JsonNode released = lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).stream()
                    .anyMatch(s -> s.path("status").asText().matches("RELEASED|ACCEPTED")));
            shipmentId = Lifecycle.liveShipments(released).get(0).path("shipmentId").asText();
            faults.set("DC-OLEAN", new SandboxProperties.Fault(0, 0, true));
            try {
                cancel(orderId);

                assertThat(lifecycle.timeline(orderId)).as("the promise is on the timeline at once").anySatisfy(e -> {
                    assertThat(e.path("type").asText()).isEqualTo("CANCEL_APPLIED");
                    assertThat(e.path("reason").asText()).startsWith("cancel accepted; withdrawing " + shipmentId
                            + " from DC-OLEAN");
                });
                JsonNode retrying = awaitRetrying(orderId);
                assertThat(retrying.path("stepId").asText()).isEqualTo("Task_CancelOpenShipments");
                assertThat(retrying.path("reason").asText()).contains("tried again until the partner answers")
                        .contains("next attempt at");
                assertThat(runtime.createIncidentQuery().processInstanceId(fulfillment(orderId)).count()).isZero();
                assertThat(lifecycle.order(orderId).path("status").asText()).isNotEqualTo("CANCELLED");
            } finally {
                faults.clear("DC-OLEAN");
            }
        } finally {
            sandbox.setSpeed(0.05);
        }

        Job withdrawal = management.createJobQuery().processInstanceId(fulfillment(orderId))
                .activityId("Task_CancelOpenShipments").singleResult();
        management.executeJob(withdrawal.getId());

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(types(orderId)).containsSubsequence("CANCEL_APPLIED", "SHIPMENT_WITHDRAWN", "ORDER_CANCELLED");
        assertThat(reserved("DC-OLEAN", sku)).isZero();
        assertThat(retryingFor(orderId)).isEmpty();
    }

    @Test
    void cancellingWhileTheGoodsTravelToThePickupStoreReleasesEveryReservation() {
        String sku = lifecycle.skuWithStock("TRANSFER", Map.of("DC-OLEAN", 2));
        String orderId = lifecycle.place(pickup(sku, 2));
        lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).stream()
                .anyMatch(s -> s.path("carrier").asText().equals("TRANSFER") && s.path("status").asText().equals("RELEASED")));
        assertThat(reserved("DC-OLEAN", sku)).isEqualTo(2);

        cancel(orderId);

        JsonNode cancelled = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(Lifecycle.liveShipments(cancelled)).isEmpty();
        assertThat(reserved("DC-OLEAN", sku)).isZero();
        assertThat(activeReservations(orderId)).isZero();
        assertThat(types(orderId)).contains("SHIPMENT_WITHDRAWN");
    }

    @Test
    void cancellingAPickupWaitingAtTheStorePutsItsStockBackOnSale() {
        String sku = lifecycle.skuWithStock("WAITING", Map.of(STORE, 1));
        String orderId = lifecycle.place(pickup(sku, 1));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("READY_FOR_PICKUP"));

        cancel(orderId);

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(reserved(STORE, sku)).isZero();
        assertThat(activeReservations(orderId)).isZero();
        assertThat(types(orderId)).contains("SHIPMENT_WITHDRAWN").doesNotContain("PICKUP_NO_SHOW");
    }

    private static Map<String, Object> pickup(String sku, int quantity) {
        return Lifecycle.order("WEB", sku, quantity, Map.of("deliveryOption", "BOPIS", "pickupNodeId", STORE));
    }

    private void cancel(String orderId) {
        Api.Response accepted = api.post("/api/orders/" + orderId + "/cancel", Map.of("reason", "customer changed their mind"),
                Api.Auth.user("operator"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    /** The customer's time to collect is up: the store-pickup's no-show timer runs now. */
    private void noShow(String orderId) {
        ProcessInstance pickup = runtime.createProcessInstanceQuery().processDefinitionKey("store-pickup")
                .processInstanceBusinessKey(orderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(pickup.getId()).activityId("BoundaryEvent_PickupNoShow")
                .timers().singleResult();
        management.executeJob(timer.getId());
    }

    private Task awaitTask(String orderId, String taskKey) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskDefinitionKey(taskKey).list();
            if (!open.isEmpty()) {
                return open.get(0);
            }
            pause();
        }
        throw new AssertionError("No " + taskKey + " for " + orderId + ": " + lifecycle.order(orderId)
                + "\ntimeline: " + lifecycle.timeline(orderId));
    }

    private String fulfillment(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("order-fulfillment")
                .processInstanceBusinessKey(orderId).singleResult().getId();
    }

    private JsonNode awaitRetrying(String orderId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> found = retryingFor(orderId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            pause();
        }
        throw new AssertionError("Order " + orderId + " is not listed as RETRYING: " + lifecycle.timeline(orderId));
    }

    private List<JsonNode> retryingFor(String orderId) {
        Api.Response listed = api.get("/api/exceptions?kind=RETRYING&size=500", Api.Auth.user("operator"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        listed.json().path("items").forEach(e -> {
            if (e.path("orderId").asText().equals(orderId)) {
                found.add(e);
            }
        });
        return found;
    }

    private List<String> types(String orderId) {
        return lifecycle.timeline(orderId).stream().map(e -> e.path("type").asText()).toList();
    }

    private long reserved(String nodeId, String sku) {
        return jdbc.queryForObject("select reserved from inventory_position where node_id = ? and sku = ?", Long.class,
                nodeId, sku);
    }

    private long onHand(String nodeId, String sku) {
        return jdbc.queryForObject("select on_hand from inventory_position where node_id = ? and sku = ?", Long.class,
                nodeId, sku);
    }

    private int activeReservations(String orderId) {
        return jdbc.queryForObject("select count(*) from reservation where order_id = ? and status = 'ACTIVE'",
                Integer.class, orderId);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
