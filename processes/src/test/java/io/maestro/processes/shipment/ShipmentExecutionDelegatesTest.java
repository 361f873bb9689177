package io.maestro.processes.shipment;

import static org.awaitility.Awaitility.await;

import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.PartnerEventStatus;
import io.maestro.core.inbox.StoredPartnerEvent;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.network.NetworkService;
import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.PartnerEventCorrelator;
import io.maestro.processes.StockSignals;
import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.NoFeasibleAllocationException;
import io.maestro.workers.allocate.OrderAllocation;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipment delegates on a real H2 database with core, the engine and the real {@code shipment-execution}
 * model: partner messages go through the partner inbox and its correlator, as in the application. The node and
 * the carriers are in-test partners ({@link TestNodes}, {@link TestCarriers}).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:shipment-execution;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.deployment-resource-pattern=classpath*:bpmn/shipment-execution.bpmn,classpath*:dmn/*.dmn,classpath*:forms/*.form",
        "camunda.bpm.history-level=full",
        "maestro.fulfillment.start-processes=false",
        "maestro.fulfillment.partner-event-poll-millis=3600000",
        "maestro.fulfillment.stock-signal-millis=3600000"})
class ShipmentExecutionDelegatesTest {

    private static final String SKU = "TSHIRT-BLK-M";

    @Autowired PartnerEventCorrelator correlator;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ExternalTaskService externalTasks;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired NotificationOutbox outbox;
    @Autowired PartnerEventInbox inbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestNodes nodes;
    @Autowired TestCarriers carriers;
    @Autowired OrderAllocation allocation;
    @Autowired StockSignals stockSignals;
    @Autowired OrderHolds holds;

    String orderId;
    String shipmentId;
    ProcessInstance process;

    /** A VIP order for two t-shirts to Brooklyn, planned as one shipment from DC-BKN (5 on hand) and reserved. */
    @BeforeEach
    void emptyDatabaseAndPlannedShipment() {
        DomainTables.empty(jdbc);
        nodes.reset();
        carriers.labels.clear();
        TestData.seed(network, catalog);
        stock("DC-BKN", 5);
        plannedShipment();
    }

    /** An order as above, planned and reserved, its shipment process started: the fields point at it. */
    private void plannedShipment() {
        orderId = intake.accept(TestData.order("W-" + UUID.randomUUID()), "test").order().orderId();
        shipmentId = orderId + "-t1-1";
        orders.recordPlan(orderId, "ALLOCATED", List.of(new Shipment(shipmentId, "DC-BKN",
                List.of(new ShipmentLine(1, SKU, 2)), "ANY", "GROUND", new BigDecimal("8.00"), new BigDecimal("0.500"),
                LocalDate.now().plusDays(3), ShipmentStatus.PLANNED, null)), OrderStatus.ALLOCATED, "test", "test plan", Map.of());
        ledger.reserve("WEB", List.of(new ReservationRequest(shipmentId + "-1", orderId, 1, "DC-BKN", SKU, 2)), "test");
        process = runtime.startProcessInstanceByKey("shipment-execution", orderId, Map.of("shipmentId", shipmentId,
                "promiseDays", 3, "serviceUpgrade", false));
    }

    @Test
    void aShipmentIsReleasedLabelledDispatchedAndDeliveredWithLedgerAndCustomerToldEachStep() {
        runJobs();
        assertThat(nodes.releases).singleElement().satisfies(r -> {
            assertThat(r.nodeId()).isEqualTo("DC-BKN");
            assertThat(r.lines()).containsExactly(new ShipmentLine(1, SKU, 2));
            assertThat(r.shipTo().postalCode()).isEqualTo("11201");
        });
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.RELEASED);
        assertThat(runtime.getVariable(process.getId(), "nodeAcceptanceSla")).as("DC acceptance SLA").isEqualTo("PT30M");

        tell("ShipmentAccepted", Map.of());
        runJobs();
        assertThat(timelineTypes()).contains("SHIPMENT_ACCEPTED", "DECISION", "LABEL_PURCHASED", "CARRIER_CHOSEN");
        assertThat(shipment()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ShipmentStatus.ACCEPTED);
            assertThat(s.carrier() + " " + s.service()).as("VIP: two-day or faster, the cheapest within 3 days")
                    .isEqualTo("THRIFT TWO_DAY");
            assertThat(s.trackingNumber()).isEqualTo("TRK-" + shipmentId);
        });
        assertThat(entry("CARRIER_CHOSEN").reason()).contains("within the 3-day promise")
                .contains("free upgrade, not charged to the customer");
        assertThat(carriers.labels).singleElement().satisfies(l -> {
            assertThat(l.weightKg()).isEqualByComparingTo("0.5");
            assertThat(l.volumeCm3()).as("2 units of 30 × 20 × 3 cm, for the dimensional weight").isEqualTo(3600.0);
        });

        tell("ShipmentDispatched", Map.of("trackingNumber", "TRK-" + shipmentId, "carrier", "THRIFT"));
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(ledger.reservation(shipmentId + "-1").orElseThrow().status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(position()).extracting(InventoryPosition::onHand, InventoryPosition::reserved).containsExactly(3L, 0L);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(notification("SHIPPED").body()).contains("TRK-" + shipmentId);

        tell("ShipmentDelivered", Map.of());
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(notification("DELIVERED").details()).contains(shipmentId);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
    }

    @Test
    void eventsOfSeveralOrdersClaimedTogetherAreEachHandedToTheirOwnProcess() {
        String firstOrder = orderId;
        String firstShipment = shipmentId;
        ProcessInstance first = process;
        plannedShipment();
        runJobs(first);
        runJobs();
        assertThat(nodes.releases).hasSize(2);
        String accepted1 = UUID.randomUUID().toString();
        String accepted2 = UUID.randomUUID().toString();
        String inTransit1 = UUID.randomUUID().toString();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            inbox.receive(new PartnerEvent("DC-BKN", accepted1, "ShipmentAccepted", firstOrder, firstShipment, Map.of(), null));
            inbox.receive(new PartnerEvent("DC-BKN", inTransit1, "ShipmentInTransit", firstOrder, firstShipment, Map.of(), null));
            inbox.receive(new PartnerEvent("DC-BKN", accepted2, "ShipmentAccepted", orderId, shipmentId, Map.of(), null));
        });

        assertThat(tried(accepted2).status()).isEqualTo(PartnerEventStatus.CORRELATED);
        assertThat(settled(firstOrder)).as("the first order's events, the later one after the first")
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(PartnerEventStatus.CORRELATED));
        for (ProcessInstance instance : List.of(first, process)) {
            assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("Task_BuyLabel").count())
                    .as("accepted: the label is bought next").isOne();
        }
        assertThat(orders.timeline(firstOrder)).filteredOn(e -> e.type().equals("MESSAGE"))
                .singleElement().satisfies(e -> assertThat(e.reason()).startsWith("ShipmentInTransit"));
        assertThat(orders.get(firstOrder).shipments()).singleElement()
                .satisfies(sh -> assertThat(sh.status()).isEqualTo(ShipmentStatus.ACCEPTED));
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.ACCEPTED);
    }

    @Test
    void aShipmentCancelledBeforeItsReleaseIsNotReleasedAndItsProcessEnds() {
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.CANCELLED, "SHIPMENT_WITHDRAWN", "test",
                "re-planned elsewhere");

        runJobs();

        assertThat(nodes.releases).as("the node is not called").isEmpty();
        assertThat(entry("PARTNER_STEP_SKIPPED").reason()).contains(shipmentId).contains("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void aShipmentOfAHeldOrderIsNotReleasedUntilTheHoldIsReleased() {
        holds.hold(orderId, "check the address", "operator", "cmd-hold-1");

        runJobs();

        assertThat(nodes.releases).as("held: the node is not called").isEmpty();
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.PLANNED);
        assertThat(entry("RELEASE_WAITS_FOR_HOLD").reason()).contains(shipmentId).contains("held (by operator: check the address)");
        assertThat(runtime.getActiveActivityIds(process.getId())).containsExactly("Task_AwaitReleaseBeforeNode");

        holds.release(orderId);
        runtime.createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey(orderId).correlateAll();
        runJobs();

        assertThat(nodes.releases).singleElement().satisfies(r -> assertThat(r.shipmentId()).isEqualTo(shipmentId));
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.RELEASED);
    }

    @Test
    void aShipmentReleasedBeforeIsNotReleasedAgainAndWaitsForItsNode() {
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "SHIPMENT_RELEASED", "test",
                "released by an earlier attempt");

        runJobs();

        assertThat(nodes.releases).isEmpty();
        assertThat(entry("PARTNER_STEP_SKIPPED").reason()).contains("released before");
        tell("ShipmentAccepted", Map.of());
        runJobs();
        assertThat(carriers.labels).hasSize(1);
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.ACCEPTED);
    }

    @Test
    void eventsThatCameBeforeTheProcessWaitedAreHandedOverWhenItWaitsNotAtTheNextPoll() {
        PartnerEventStatus accepted = send("ShipmentAccepted", Map.of());
        PartnerEventStatus dispatched = send("ShipmentDispatched", Map.of("trackingNumber", "TRK-9", "carrier", "THRIFT",
                "lines", List.of(Map.of("sku", SKU, "quantity", 2)), "scannedAt", "dock 4"));
        assertThat(List.of(accepted, dispatched)).as("not released yet: nobody waits").containsOnly(PartnerEventStatus.PENDING);

        runJobs();

        assertThat(inbox.ofOrder(orderId)).extracting(StoredPartnerEvent::status)
                .containsOnly(PartnerEventStatus.CORRELATED);
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(notification("SHIPPED").body()).as("the carrier's tracking number").contains("TRK-9");
        assertThat(runtime.getVariables(process.getId())).as("only what the process reads of the payload")
                .containsEntry("trackingNumber", "TRK-9").doesNotContainKeys("lines", "scannedAt", "partnerEventId");
        assertThat(entry("SHIPMENT_DISPATCHED").detailsJson()).as("the whole event stays on the timeline, on the entry "
                + "it caused").contains("partnerMessage").contains("dock 4");
        assertThat(timelineTypes()).as("one message, one entry").doesNotContain("MESSAGE");
    }

    @Test
    void eventsWhoseAttemptsRanOutBeforeTheProcessWaitedAreHandedOverWhenItWaits() {
        send("ShipmentAccepted", Map.of());
        send("ShipmentDispatched", Map.of("trackingNumber", "TRK-7", "carrier", "THRIFT",
                "lines", List.of(Map.of("sku", SKU, "quantity", 2))));
        inbox.ofOrder(orderId).forEach(e -> inbox.markAttemptFailed(e.id(), "no process waits yet", Duration.ZERO, 1));
        assertThat(inbox.ofOrder(orderId)).as("attempts used up while the process was behind")
                .extracting(StoredPartnerEvent::status).containsOnly(PartnerEventStatus.FAILED);

        runJobs();

        assertThat(inbox.ofOrder(orderId)).as(() -> "events " + inbox.ofOrder(orderId)).extracting(StoredPartnerEvent::status)
                .containsOnly(PartnerEventStatus.CORRELATED);
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Test
    void aFailedEventNoProcessWaitsForStaysForAnOperator() {
        send("ShipmentDelivered", Map.of());
        inbox.ofOrder(orderId).forEach(e -> inbox.markAttemptFailed(e.id(), "no process waits", Duration.ZERO, 1));

        runJobs();

        assertThat(inbox.ofOrder(orderId)).as("the process waits for the node's acceptance, not for a delivery")
                .extracting(StoredPartnerEvent::status).containsOnly(PartnerEventStatus.FAILED);
    }

    @Test
    void aRejectionKeepsTheReasonAndAsksForAReallocationWithoutTheNode() {
        runJobs();

        tell("ShipmentRejected", Map.of("reason", "aisle flooded"));

        assertThat(shipment().status()).isEqualTo(ShipmentStatus.REJECTED);
        assertThat(entry("SHIPMENT_REJECTED").reason()).isEqualTo("NODE_REJECTED: DC-BKN rejected it: aisle flooded");
        ExternalTask reallocation = externalTasks.createExternalTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(reallocation.getTopicName()).isEqualTo("reallocate-order");
        assertThat(runtime.getVariables(process.getId())).containsEntry("rejectedShipmentId", shipmentId)
                .containsEntry("rejectionReason", "NODE_REJECTED: DC-BKN rejected it: aisle flooded")
                .containsEntry("excludedNodes", "DC-BKN");
        assertThat(nodes.withdrawn).as("the node rejected it: nothing to withdraw").isEmpty();
    }

    @Test
    void aRejectedShipmentIsPlacedAgainWithoutItsNodeAndTheNewShipmentExecuted() {
        stock("DC-OLEAN", 4);
        runJobs();
        tell("ShipmentRejected", Map.of("reason", "aisle flooded"));

        String newShipment = reallocate();

        assertThat(ledger.reservation(shipmentId + "-1").orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
        ProcessInstance rerouted = runtime.createProcessInstanceQuery().superProcessInstanceId(process.getId()).singleResult();
        assertThat(rerouted.getBusinessKey()).isEqualTo(orderId);
        assertThat(runtime.getVariables(rerouted.getId())).containsEntry("shipmentId", newShipment)
                .containsEntry("excludedNodes", "DC-BKN").doesNotContainKey("reason");
        runJobs(rerouted);
        assertThat(nodes.releases).extracting(r -> r.shipmentId() + "@" + r.nodeId())
                .containsExactly(shipmentId + "@DC-BKN", newShipment + "@DC-OLEAN");
    }

    @Test
    void aRerouteWithoutStockAnywhereWaitsUntilStockArrivesThenPlacesTheLines() {
        runJobs();
        tell("ShipmentRejected", Map.of("reason", "aisle flooded"));
        ExternalTask first = externalTasks.createExternalTaskQuery().processInstanceId(process.getId()).singleResult();
        externalTasks.fetchAndLock(1, "test").topic("reallocate-order", 60_000).businessKey(orderId).execute();
        assertThatThrownBy(() -> allocation.reallocate(orderId, shipmentId, first.getId(), Set.of("DC-BKN"),
                "aisle flooded", Map.of())).isInstanceOf(NoFeasibleAllocationException.class);
        externalTasks.handleBpmnError(first.getId(), "test", "NoFeasibleAllocation", "no stock", Map.of(
                "allocationFailureReason", "no node but DC-BKN has TSHIRT-BLK-M"));
        assertThat(runtime.getVariable(process.getId(), "backorderRetry")).isEqualTo("PT1H");
        assertThat(entry("REROUTE_WAITING_FOR_STOCK").reason()).contains("no node but DC-BKN has TSHIRT-BLK-M");

        stock("DC-OLEAN", 4);
        stockSignals.wakeWaitingOrders();

        String newShipment = reallocate();
        assertThat(newShipment).isNotEqualTo(shipmentId);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(process.getId()).count()).isOne();
    }

    @Test
    void aNodeSilentPastItsSlaIsWithdrawnAndTheShipmentRejected() {
        runJobs();
        Job sla = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(sla.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 29 * 60_000L));

        management.executeJob(sla.getId());
        runJobs();

        assertThat(nodes.withdrawn).singleElement().asString().startsWith(shipmentId + ": rerouted: SLA_TIMEOUT");
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.REJECTED);
        assertThat(entry("SHIPMENT_REJECTED").reason()).isEqualTo("SLA_TIMEOUT: DC-BKN did not answer within PT30M");
    }

    @Test
    void aDelayInTransitMovesThePromisedDateAndTellsTheCustomerTheNewDate() {
        labelled();
        tell("ShipmentDispatched", Map.of("trackingNumber", "TRK-" + shipmentId, "carrier", "THRIFT"));
        LocalDate late = shipment().promisedDate().plusDays(5);

        tell("ShipmentDelayed", Map.of("newEstimatedDelivery", late.toString(), "reason", "storm"));
        runJobs();

        assertThat(shipment()).satisfies(s -> {
            assertThat(s.promisedDate()).isEqualTo(late);
            assertThat(s.status()).isEqualTo(ShipmentStatus.DELAYED);
        });
        assertThat(entry("SHIPMENT_REPROMISED").reason()).contains("now due " + late);
        assertThat(notification("DELAYED").body()).contains(late.toString());
        assertThat(orders.get(orderId).status()).as("a delayed parcel is still shipped").isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aLongDelayBeforeDispatchWithdrawsTheShipmentFromItsNodeToReroute() {
        labelled();
        LocalDate late = shipment().promisedDate().plusDays(4);

        tell("ShipmentDelayed", Map.of("newEstimatedDelivery", late.toString(), "reason", "backlog"));
        runJobs();

        assertThat(nodes.withdrawn).singleElement().asString().contains("DELAYED");
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.REJECTED);
        assertThat(entry("SHIPMENT_REJECTED").reason()).startsWith("DELAYED: 4 days late at DC-BKN");
        assertThat(notifications()).extracting(Notification::type).doesNotContain("DELAYED");
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(process.getId()).count()).isOne();
    }

    @Test
    void aReleaseTheNodeRefusesIsTriedOnceAndReroutedLikeARejectionWithTheAnswerOnTheTimeline() {
        nodes.refusal = new PartnerRefusedException("node DC-BKN", 422, "unknown SKU TSHIRT-BLK-M");
        Job release = management.createJobQuery().processInstanceId(process.getId()).singleResult();

        asJobExecutor(release);

        assertThat(shipment().status()).isEqualTo(ShipmentStatus.REJECTED);
        assertThat(entry("PARTNER_REFUSED").reason()).isEqualTo(
                "RELEASE refused by DC-BKN: node DC-BKN refused (422): unknown SKU TSHIRT-BLK-M");
        assertThat(entry("SHIPMENT_REJECTED").reason()).isEqualTo(
                "NODE_REFUSED: DC-BKN refused the release: node DC-BKN refused (422): unknown SKU TSHIRT-BLK-M");
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(process.getId()).count())
                .as("the lines are placed again").isOne();
    }

    @Test
    void aWithdrawalTheNodeRefusesGoesToAnOperatorAndOnTheTimeline() {
        runJobs();
        Job sla = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        nodes.refusal = new PartnerRefusedException("node DC-BKN", 409, shipmentId + " has left DC-BKN");
        management.executeJob(sla.getId());
        runJobs();

        Task operatorTask = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(operatorTask.getTaskDefinitionKey()).isEqualTo("Task_HandlePartnerFailure");
        assertThat(runtime.getVariables(process.getId())).containsEntry("failedStep", "WITHDRAW")
                .containsEntry("partnerRefused", true).containsEntry("partnerStatus", 409);
        assertThat(timelineTypes()).containsSubsequence("PARTNER_REFUSED", "PARTNER_FAILURE");
        assertThat(entry("PARTNER_FAILURE").reason()).isEqualTo("WITHDRAW at DC-BKN was refused: node DC-BKN refused"
                + " (409): " + shipmentId + " has left DC-BKN; waiting for an operator");
        assertThat(shipment().status()).as("still with the node").isEqualTo(ShipmentStatus.RELEASED);
    }

    @Test
    void anOperatorsCancelTheNodeRefusesKeepsTheShipmentAndItsUnitsGoingAndSaysSo() {
        runJobs();
        Job sla = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        nodes.refusal = new PartnerRefusedException("node DC-BKN", 409, shipmentId + " has left DC-BKN");
        management.executeJob(sla.getId());
        runJobs();
        Task operatorTask = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();

        tasks.complete(operatorTask.getId(), Map.of("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "give up"));
        runJobs();

        assertThat(shipment().status()).as("the node keeps it").isEqualTo(ShipmentStatus.RELEASED);
        assertThat(ledger.reservation(shipmentId + "-1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(timelineTypes()).containsSubsequence("TASK_COMPLETED", "PARTNER_REFUSED", "SHIPMENT_KEPT")
                .doesNotContain("SHIPMENT_CANCELLED");
        assertThat(entry("SHIPMENT_KEPT").reason()).isEqualTo("DC-BKN keeps " + shipmentId + " and ships it (node DC-BKN "
                + "refused (409): " + shipmentId + " has left DC-BKN): the operator's cancel cannot be carried out, so the "
                + "shipment goes on; it waits for the node's acceptance");
        assertThat(runtime.getActiveActivityIds(process.getId())).containsExactly("Gateway_NodeAnswer");

        nodes.refusal = null;
        tell("ShipmentAccepted", Map.of());
        runJobs();
        assertThat(shipment().trackingNumber()).as("labelled and on its way").isNotNull();
    }

    @Test
    void aNodeDownOnEveryRetryGoesToAnOperatorWhoCancelsTheShipment() {
        nodes.down = true;
        Job release = management.createJobQuery().processInstanceId(process.getId()).singleResult();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> asJobExecutor(release)).hasMessageContaining("connection refused");
            assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).count()).as("retries left").isZero();
        }

        asJobExecutor(release);

        Task operatorTask = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(operatorTask.getTaskDefinitionKey()).isEqualTo("Task_HandlePartnerFailure");
        assertThat(runtime.getVariables(process.getId())).containsEntry("failedStep", "RELEASE")
                .containsEntry("failedPartner", "DC-BKN").containsEntry("partnerAttempts", 3)
                .containsEntry("nodeId", "DC-BKN")
                .containsEntry("partnerError", "DC-BKN unavailable: connection refused");
        assertThat(entry("PARTNER_FAILURE").reason()).isEqualTo("RELEASE at DC-BKN gave up after 3 attempts: "
                + "DC-BKN unavailable: connection refused; waiting for an operator");

        tasks.complete(operatorTask.getId(), Map.of("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "node closed"));
        runJobs();

        assertThat(nodes.withdrawn).as("never released: nothing to withdraw").isEmpty();
        assertThat(ledger.reservation(shipmentId + "-1").orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(position().reserved()).isZero();
        assertThat(shipment().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(entry("SHIPMENT_CANCELLED").reason()).contains("connection refused").contains("node closed");
        assertThat(entry("TASK_COMPLETED").reason()).as("the operator's form input, by OperatorInputOnTimeline")
                .isEqualTo("Handle partner failure completed by an unidentified operator: operatorChoice = CANCEL_SHIPMENT; "
                        + "operatorComment = node closed");
        assertThat(notification("CANCELLED").details()).contains(shipmentId);
    }

    /** What the {@code reallocate-order} worker does with the waiting task; returns the new shipment ids. */
    private String reallocate() {
        LockedExternalTask task = externalTasks.fetchAndLock(1, "test").topic("reallocate-order", 60_000).businessKey(orderId).execute().get(0);
        AllocationOutcome outcome = allocation.reallocate(orderId, task.getVariables().getValue("rejectedShipmentId",
                String.class), task.getId(), Set.of(task.getVariables().getValue("excludedNodes", String.class)
                .split(",")), task.getVariables().getValue("rejectionReason", String.class), Map.of());
        String ids = String.join(",", outcome.shipments().stream().map(Shipment::shipmentId).toList());
        externalTasks.complete(task.getId(), "test", Map.of("shipmentIds", ids));
        return ids;
    }

    private void stock(String node, long units) {
        ledger.adjust(new Adjustment("stock-" + UUID.randomUUID(), node, SKU, units, null, null, "received"), "test");
    }

    private void labelled() {
        runJobs();
        tell("ShipmentAccepted", Map.of());
        runJobs();
        assertThat(shipment().trackingNumber()).isNotNull();
    }

    /** A partner event through the inbox; the correlator's poll hands it to the process. */
    private void tell(String type, Map<String, Object> payload) {
        String eventId = UUID.randomUUID().toString();
        inbox.receive(new PartnerEvent("DC-BKN", eventId, type, orderId, shipmentId, payload, null));
        assertThat(tried(eventId).status()).as(type + " reached the process").isEqualTo(PartnerEventStatus.CORRELATED);
    }

    /**
     * The event once a processor tried it: this node's processor (woken by the receipt) or the poll run here,
     * whichever claimed it first.
     */
    /** The order's events once each was tried (handed over or an attempt counted). */
    private List<StoredPartnerEvent> settled(String order) {
        return await("each of " + order + "'s events tried").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    correlator.deliverDue();
                    return inbox.ofOrder(order);
                }, events -> events.stream().allMatch(e -> e.status() != PartnerEventStatus.PENDING || e.attempts() > 0));
    }

    private StoredPartnerEvent tried(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            correlator.deliverDue();
            StoredPartnerEvent stored = inbox.ofOrder(orderId).stream().filter(e -> e.event().eventId().equals(eventId))
                    .findFirst().orElseThrow();
            if (stored.status() != PartnerEventStatus.PENDING || stored.attempts() > 0 || System.nanoTime() > deadline) {
                return stored;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A partner event through the inbox; returns its status once the correlator tried it. */
    private PartnerEventStatus send(String type, Map<String, Object> payload) {
        String eventId = UUID.randomUUID().toString();
        inbox.receive(new PartnerEvent("DC-BKN", eventId, type, orderId, shipmentId, payload, null));
        return tried(eventId).status();
    }

    private void runJobs() {
        runJobs(process);
    }

    private void runJobs(ProcessInstance instance) {
        for (int i = 0; i < 20; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().messages().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** As the job executor runs a job: with its context, where the current job and its retries are known. */
    private void asJobExecutor(Job job) {
        Context.setJobExecutorContext(new JobExecutorContext());
        try {
            management.executeJob(job.getId());
        } finally {
            Context.removeJobExecutorContext();
        }
    }

    private Shipment shipment() {
        return orders.get(orderId).shipments().stream().filter(s -> s.shipmentId().equals(shipmentId)).findFirst()
                .orElseThrow();
    }

    private InventoryPosition position() {
        return inventory.position("DC-BKN", SKU).orElseThrow();
    }

    private List<String> timelineTypes() {
        return orders.timeline(orderId).stream().map(TimelineEntry::type).toList();
    }

    private TimelineEntry entry(String type) {
        return orders.timeline(orderId).stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no " + type + " on the timeline: " + timelineTypes()));
    }

    private List<Notification> notifications() {
        return outbox.ofOrder(orderId);
    }

    private Notification notification(String type) {
        return notifications().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow(
                () -> new AssertionError("no " + type + " notification: " + notifications()));
    }
}
