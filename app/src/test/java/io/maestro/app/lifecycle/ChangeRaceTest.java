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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A release to a node waits for a command that holds the order (and a command for a release). Address changes racing the release of each order's shipment to its node: a change answered 202 reached every
 * parcel that left (each was released after the change was applied), one answered 409 changed nothing; never 5xx.
 */
@MaestroTest
class ChangeRaceTest {

    private static final int ORDERS = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Set<String> LEFT = Set.of("DISPATCHED", "DELAYED", "DELIVERED");

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void theReleaseWaitsForACommandThatHoldsTheOrder() throws Exception {
        Api api = new Api(port);
        Lifecycle lifecycle = new Lifecycle(api);
        String sku = lifecycle.skuWithStock("CHANGE-LOCK", Map.of("DC-OLEAN", 5));
        JobDefinition release = management.createJobDefinitionQuery().processDefinitionKey("shipment-execution")
                .activityIdIn("Task_ReleaseToNode").list().stream().max((a, b) -> a.getProcessDefinitionId()
                        .compareTo(b.getProcessDefinitionId())).orElseThrow();
        management.suspendJobDefinitionById(release.getId());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> command = null;
        try {
            String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
            await(() -> jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_execution p "
                    + "on p.id_ = j.process_instance_id_ where p.business_key_ = ? and j.job_def_id_ = ?", Integer.class,
                    orderId, release.getId()) > 0, "the release job of " + orderId);
            // a command applied to the order holds its row, as CommandApplier does
            command = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                jdbc.queryForList("select id from orders where id = ? for update", String.class, orderId);
                locked.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            management.activateJobDefinitionById(release.getId(), true);
            await(() -> jdbc.queryForObject("select count(*) from information_schema.sessions where blocker_id is not null",
                    Integer.class) > 0, "the release of " + orderId + " waiting for the order's row");
            assertThat(lifecycle.order(orderId).path("shipments").get(0).path("status").asText()).isEqualTo("PLANNED");
            done.countDown();
            command.get();
            lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));
        } finally {
            done.countDown();
            management.activateJobDefinitionById(release.getId(), true);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aChangeAndTheReleaseOfTheSameOrderNeverOverlap() throws Exception {
        Api api = new Api(port);
        Lifecycle lifecycle = new Lifecycle(api);
        String sku = lifecycle.skuWithStock("CHANGE-RACE", Map.of("DC-OLEAN", 100, "DC-BROOKLYN", 100));
        Random random = new Random(17);
        Map<String, Api.Response> answers = new ConcurrentHashMap<>();
        List<String> orderIds = new ArrayList<>();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(6);
        List<ScheduledFuture<?>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < ORDERS; i++) {
                String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
                orderIds.add(orderId);
                sent.add(clients.schedule(() -> answers.put(orderId, api.post("/api/orders/" + orderId + "/change",
                        Map.of("shipTo", Map.of("name", "Casey Doe", "line1", "1 Main St", "city", "Olean", "region", "NY",
                                "postalCode", "14760", "country", "US")), Api.Auth.user("operator"))),
                        random.nextInt(400), TimeUnit.MILLISECONDS));
            }
            for (ScheduledFuture<?> s : sent) {
                s.get();
            }
        } finally {
            clients.shutdown();
        }

        assertThat(answers.values()).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(202, 409));
        for (String orderId : orderIds) {
            JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED", "CANCELLED"));
            JsonNode command = api.get("/api/orders/" + orderId + "/commands", Api.ADMIN).json().get(0);
            assertThat(command.path("status").asText()).isIn("APPLIED", "REFUSED");
            List<JsonNode> timeline = lifecycle.timeline(orderId);
            if (!command.path("status").asText().equals("APPLIED")) {
                assertThat(order.path("shipTo").path("postalCode").asText()).as("refused: %s", orderId).isNotEqualTo("14760");
                continue;
            }
            long applied = timeline.stream().filter(e -> e.path("type").asText().equals("CHANGE_APPLIED"))
                    .mapToLong(e -> e.path("sequence").asLong()).findFirst().orElseThrow();
            for (JsonNode shipment : order.path("shipments")) {
                if (!LEFT.contains(shipment.path("status").asText())) {
                    continue;
                }
                String shipmentId = shipment.path("shipmentId").asText();
                assertThat(timeline).filteredOn(e -> e.path("type").asText().equals("SHIPMENT_RELEASED")
                                && e.path("details").path("shipmentId").asText().equals(shipmentId))
                        .as("%s left with the address applied at #%d: %s", shipmentId, applied, timeline)
                        .allSatisfy(e -> assertThat(e.path("sequence").asLong()).isGreaterThan(applied));
            }
        }
    }
}
