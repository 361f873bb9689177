package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommandLog;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Commands an operator sends to running orders through the API — hold, release, cancel lines, change, cancel —
 * against the whole application with the sandbox partners: what each answers, what it does, what the timeline says.
 */
@MaestroTest
class OrderCommandsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Api.Auth OPERATOR = Api.Auth.user("operator");

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrderCommandLog storedCommands;
    Lifecycle lifecycle;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
    }

    @Test
    void aHeldOrderAllocatesNothingAnOperatorCancelsUnitsOfALineAndTheReleasedRestIsDelivered() {
        String sku = lifecycle.skuWithStock("HOLD-TEE", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 3, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));

        Api.Response held = api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "customer asked to wait"), OPERATOR);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        assertThat(held.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "again"), OPERATOR).json()
                .path("detail").asText()).contains("already on hold");
        stock(sku, 10);
        awaitWaitingAt(orderId, "Task_AwaitReleaseBeforeAllocation");
        JsonNode order = lifecycle.order(orderId);
        assertThat(order.path("held").asBoolean()).isTrue();
        assertThat(Lifecycle.liveShipments(order)).isEmpty();

        Api.Response tooMany = api.post("/api/orders/" + orderId + "/lines/cancel",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 4)), "reason", "too many"), OPERATOR);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("lines[0].quantity");
        Api.Response cancelled = api.post("/api/orders/" + orderId + "/lines/cancel",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "customer wants two"), OPERATOR);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

        Api.Response released = api.post("/api/orders/" + orderId + "/release", Map.of("reason", "customer is ready"), OPERATOR);
        assertThat(released.status()).as(released.body()).isEqualTo(202);
        order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));

        assertThat(order.path("held").asBoolean()).isFalse();
        JsonNode line = order.path("lineQuantities").get(0);
        assertThat(line.path("ordered").asInt()).isEqualTo(3);
        assertThat(line.path("cancelled").asInt()).isEqualTo(1);
        assertThat(line.path("shipped").asInt()).isEqualTo(2);
        assertThat(line.path("delivered").asInt()).isEqualTo(2);
        assertThat(line.path("allocated").asInt()).isZero();
        List<JsonNode> timeline = lifecycle.timeline(orderId);
        assertThat(timeline).filteredOn(e -> e.path("type").asText().matches("(HOLD|RELEASE|CANCEL_LINES)_APPLIED"))
                .extracting(e -> e.path("type").asText() + " by " + e.path("actor").asText())
                .containsExactly("HOLD_APPLIED by operator", "CANCEL_LINES_APPLIED by operator", "RELEASE_APPLIED by operator");
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("HOLD_REFUSED");
            assertThat(e.path("reason").asText()).contains("already on hold");
        });
    }

    @Test
    void unitsPlannedWhileTheOrderIsHeldAreTakenOutOfTheirShipmentAndTheRestShipsWhenReleased() {
        String sku = lifecycle.skuWithStock("SHRINK-TEE", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 3, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));
        assertThat(api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "check the address"), OPERATOR).status())
                .isEqualTo(202);
        stock(sku, 10);
        awaitWaitingAt(orderId, "Task_AwaitReleaseBeforeAllocation");
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId)
                .processDefinitionKey("order-fulfillment").singleResult().getId();
        // as if the hold had come while the allocation was under way: the plan is made, the shipping waits
        runtime.createProcessInstanceModification(process).cancelAllForActivity("Task_AwaitReleaseBeforeAllocation")
                .startBeforeActivity("Task_AllocateOrder").execute();
        awaitWaitingAt(orderId, "Task_AwaitReleaseBeforeShipping");
        assertThat(reserved(sku)).isEqualTo(3);

        Api.Response cancelled = api.post("/api/orders/" + orderId + "/lines/cancel",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 2)), "reason", "one is enough"), OPERATOR);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        assertThat(reserved(sku)).isEqualTo(1);
        JsonNode order = lifecycle.order(orderId);
        assertThat(Lifecycle.liveShipments(order)).singleElement().satisfies(s -> {
            assertThat(s.path("status").asText()).isEqualTo("PLANNED");
            assertThat(s.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        });
        assertThat(order.path("lineQuantities").get(0).path("allocated").asInt()).isEqualTo(1);
        assertThat(order.path("lineQuantities").get(0).path("cancelled").asInt()).isEqualTo(2);
        Api.Response tooMany = api.post("/api/orders/" + orderId + "/lines/cancel",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 2))), OPERATOR);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().path("detail").asText()).contains("line 1: 2 units asked, 1 can be cancelled");

        assertThat(api.post("/api/orders/" + orderId + "/release", Map.of(), OPERATOR).status()).isEqualTo(202);
        order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));
        assertThat(order.path("lineQuantities").get(0).path("delivered").asInt()).isEqualTo(1);
        assertThat(reserved(sku)).isZero();
    }

    @Test
    void aChangeOnceTheShipmentIsAtTheNodeIsRefusedWithTheReasonAndNotApplied() {
        String sku = lifecycle.skuWithStock("CHANGE-TEE", Map.of("DC-OLEAN", 5));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).stream()
                .anyMatch(s -> !s.path("status").asText().equals("PLANNED")));

        Api.Response changed = api.post("/api/orders/" + orderId + "/change", Map.of("shipTo", Map.of("name", "Casey Doe",
                "line1", "1 Main St", "city", "Olean", "region", "NY", "postalCode", "14760", "country", "US")), OPERATOR);

        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(changed.json().path("detail").asText()).containsAnyOf("can no longer change", "DELIVERED", "SHIPPED");
        assertThat(lifecycle.order(orderId).path("shipTo").path("postalCode").asText()).isEqualTo("11201");
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("CHANGE_REFUSED");
            assertThat(e.path("actor").asText()).isEqualTo("operator");
        });
    }

    @Test
    void aCommandIdSentAgainAnswersAsTheFirstTimeAndWithOtherContentIsRefusedNamingIt() {
        String sku = lifecycle.skuWithStock("IDEM-TEE", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));
        String commandId = "cancel-" + orderId;

        Api.Response first = api.post("/api/orders/" + orderId + "/cancel",
                Map.of("reason", "customer called", "commandId", commandId), OPERATOR);
        Api.Response again = api.post("/api/orders/" + orderId + "/cancel",
                Map.of("reason", "customer called", "commandId", commandId), OPERATOR);
        Api.Response other = api.post("/api/orders/" + orderId + "/cancel",
                Map.of("reason", "something else", "commandId", commandId), OPERATOR);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("errors").get(0).path("field").asText()).isEqualTo("commandId");
        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("CANCELLED"));
        assertThat(order.path("lineQuantities").get(0).path("cancelled").asInt()).isEqualTo(2);
        JsonNode commands = api.get("/api/orders/" + orderId + "/commands", OPERATOR).json();
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).path("commandId").asText()).isEqualTo(commandId);
        assertThat(commands.get(0).path("status").asText()).isEqualTo("APPLIED");
        assertThat(commands.get(0).path("actor").asText()).isEqualTo("operator");
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("CANCEL_APPLIED");
            assertThat(e.path("actor").asText()).isEqualTo("operator");
        });
        Api.Response late = api.post("/api/orders/" + orderId + "/lines/cancel",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1))), OPERATOR);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("CANCELLED");
        assertThat(api.post("/api/orders/" + orderId + "/release", Map.of(), OPERATOR).status()).isEqualTo(409);
    }

    @Test
    void aCommandStoredButNotAppliedBeforeTheJvmStoppedIsAppliedByThePoller() {
        String sku = lifecycle.skuWithStock("STORED-TEE", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));

        String commandId = storedCommands.receive(null, orderId, CommandType.HOLD, Map.of("reason", "stored before a crash"),
                "operator").command().commandId();

        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, o -> o.path("held").asBoolean());
        assertThat(order.path("hold").path("commandId").asText()).isEqualTo(commandId);
        assertThat(api.get("/api/orders/" + orderId + "/commands", OPERATOR).json().get(0).path("status").asText())
                .isEqualTo("APPLIED");
    }

    @Test
    void aQueuedCommandRefusedWhenAppliedIsOnTheTimelineInTheCommandsAndInTheExceptions() {
        String sku = lifecycle.skuWithStock("QUEUED-TEE", Map.of("DC-OLEAN", 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));

        // stored and queued as CommandApplier does when the order's process stayed busy (answered 202); by the time
        // the poller applies it, the order is not held
        String commandId = storedCommands.receive(null, orderId, CommandType.RELEASE, Map.of("reason", "go on"), "operator")
                .command().commandId();
        storedCommands.attempted(commandId);

        JsonNode refused = awaitCommand(orderId, "REFUSED");
        assertThat(refused.path("commandId").asText()).isEqualTo(commandId);
        assertThat(refused.path("queuedAt").asText()).isNotBlank();
        assertThat(refused.path("reason").asText()).contains("is not on hold");
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("RELEASE_REFUSED");
            assertThat(e.path("actor").asText()).isEqualTo("operator");
            assertThat(e.path("reason").asText()).contains("queued at").contains("answered 202").contains("is not on hold");
        });
        JsonNode listed = api.get("/api/exceptions?kind=COMMAND_REFUSED&size=500", OPERATOR).json();
        assertThat(listed.path("items")).filteredOn(e -> e.path("orderId").asText().equals(orderId)).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("commandId").asText()).isEqualTo(commandId);
                    assertThat(e.path("reason").asText()).contains("RELEASE by operator").contains("is not on hold");
                });
    }

    private JsonNode awaitCommand(String orderId, String status) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            for (JsonNode c : api.get("/api/orders/" + orderId + "/commands", OPERATOR).json()) {
                if (c.path("status").asText().equals(status)) {
                    return c;
                }
            }
            assertThat(Instant.now()).as("a %s command of %s", status, orderId).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aPickupHeldBeforeItsStoreHasItIsNotReleasedThereUntilTheHoldIsReleased() {
        String store = "ST-NYC-HERALD";
        String sku = lifecycle.skuWithStock("HOLD-BOPIS", Map.of(store, 0));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of("deliveryOption", "BOPIS",
                "pickupNodeId", store)));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("BACKORDERED"));

        Api.Response held = api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "customer travels"), OPERATOR);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        Api.Response arrived = api.post("/api/inventory/adjustments", Map.of("eventId", "more-" + sku, "nodeId", store,
                "sku", sku, "setOnHand", 2, "reason", "delivery from the supplier"), Api.ADMIN);
        assertThat(arrived.status()).as(arrived.body()).isIn(200, 201);
        awaitWaitingAt(orderId, "Task_AwaitReleaseBeforeStore");
        assertThat(lifecycle.order(orderId).path("status").asText()).as("reserved, not released").isNotEqualTo("RELEASED");
        assertThat(lifecycle.timeline(orderId)).extracting(e -> e.path("type").asText())
                .contains("HOLD_APPLIED", "PICKUP_RELEASE_WAITS_FOR_HOLD");

        Api.Response released = api.post("/api/orders/" + orderId + "/release", Map.of(), OPERATOR);
        assertThat(released.status()).as(released.body()).isEqualTo(202);
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("READY_FOR_PICKUP"));

        Api.Response tooLate = api.post("/api/orders/" + orderId + "/hold", Map.of("reason", "again"), OPERATOR);
        assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(409);
        assertThat(tooLate.json().path("detail").asText()).contains("the store has the pickup");
    }

    private void stock(String sku, int units) {
        Api.Response adjusted = api.post("/api/inventory/adjustments", Map.of("eventId", "more-" + sku, "nodeId", "DC-OLEAN",
                "sku", sku, "setOnHand", units, "reason", "delivery from the supplier"), Api.ADMIN);
        assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
    }

    private int reserved(String sku) {
        return jdbc.queryForObject("select coalesce(sum(reserved), 0) from inventory_position where sku = ?", Integer.class, sku);
    }

    private void awaitWaitingAt(String orderId, String... activityIds) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (List.of(activityIds).stream().allMatch(a -> runtime.createExecutionQuery().processInstanceBusinessKey(orderId)
                .activityId(a).count() == 0)) {
            assertThat(Instant.now()).as("order %s waits at %s; timeline %s", orderId, List.of(activityIds),
                    lifecycle.timeline(orderId)).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
