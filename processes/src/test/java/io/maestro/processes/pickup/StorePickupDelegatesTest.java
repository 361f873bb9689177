package io.maestro.processes.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.geo.Address;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.network.NetworkService;
import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.testing.InTestPartners;
import io.maestro.processes.testing.ProcessesSpringTest;
import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.NoFeasibleAllocationException;
import io.maestro.workers.allocate.OrderAllocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store-pickup delegates against the real domain on H2: allocation, reservations, ledger, order, outbox. */
@ProcessesSpringTest
class StorePickupDelegatesTest {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ExternalTaskService externalTasks;
    @Autowired ManagementService management;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired OrderAllocation allocation;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired NotificationOutbox outbox;
    @Autowired InTestPartners.Nodes nodes;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void network() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        nodes.reset();
    }

    @Test
    void bopisIsReservedAtTheStoreReleasedReadyToldAndConsumedWhenPickedUp() {
        stock("ST-MAN", 2);
        String orderId = order(DeliveryOption.BOPIS, "W-P1");
        ProcessInstance pi = start(orderId, "BOPIS");

        allocate(orderId);
        runJobs(pi);
        assertThat(nodes.released).singleElement().satisfies(r -> {
            assertThat(r.nodeId()).isEqualTo("ST-MAN");
            assertThat(r.deliveryOption()).isEqualTo("BOPIS");
        });
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.RELEASED);

        correlate(orderId, "ReadyForPickup", Map.of("pickupCode", "K7Q2"));
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(told(orderId)).containsKey("READY_FOR_PICKUP");
        assertThat(told(orderId).get("READY_FOR_PICKUP").body()).contains("K7Q2");

        correlate(orderId, "PickedUp", Map.of());
        Order order = orders.get(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(order.shipments()).singleElement().extracting(s -> s.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(position("ST-MAN")).isEqualTo(new InventoryPosition("ST-MAN", "TSHIRT-BLK-M", 0, 0, 0));
        assertThat(ledger.reservationsOf(orderId)).allMatch(r -> r.status() == ReservationStatus.CONSUMED);
    }

    @Test
    void aPickupShipmentCancelledBeforeItsReleaseIsNotSentToTheStore() {
        stock("ST-MAN", 2);
        String orderId = order(DeliveryOption.BOPIS, "W-P0");
        ProcessInstance pi = start(orderId, "BOPIS");
        allocate(orderId);
        String shipmentId = orders.get(orderId).shipments().get(0).shipmentId();
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.CANCELLED, "SHIPMENT_CANCELLED", "test",
                "cancelled before the release");

        runJobs(pi);

        assertThat(nodes.released).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("PARTNER_STEP_SKIPPED");
            assertThat(e.reason()).contains(shipmentId).contains("CANCELLED");
        });
    }

    @Test
    void aStoreWithoutStockGetsATransferFromTheDcThatIsReceivedAndHeldAtTheStore() {
        stock("DC-OLEAN", 5);
        String orderId = order(DeliveryOption.BOPIS, "W-P2");
        ProcessInstance pi = start(orderId, "BOPIS");

        allocate(orderId);
        assertThat(runtime.getVariable(pi.getId(), "pickupAction")).isEqualTo("TRANSFER_TO_STORE");
        runJobs(pi);
        String transferId = (String) runtime.getVariable(pi.getId(), "transferShipmentId");
        assertThat(nodes.released).singleElement().satisfies(r -> {
            assertThat(r.nodeId()).isEqualTo("DC-OLEAN");
            assertThat(r.deliveryOption()).isEqualTo("TRANSFER");
            assertThat(r.shipTo().postalCode()).isEqualTo("10013");
        });
        assertThat(position("DC-OLEAN").reserved()).isEqualTo(2);
        assertThat(told(orderId)).containsKey("DELAYED");

        runtime.createMessageCorrelation("ShipmentDelivered").processInstanceBusinessKey(orderId)
                .processInstanceVariableEquals("shipmentId", transferId).correlate();
        runJobs(pi);

        assertThat(position("DC-OLEAN")).isEqualTo(new InventoryPosition("DC-OLEAN", "TSHIRT-BLK-M", 3, 0, 0));
        assertThat(position("ST-MAN")).isEqualTo(new InventoryPosition("ST-MAN", "TSHIRT-BLK-M", 2, 2, 0));
        assertThat(nodes.released).extracting(r -> r.nodeId()).containsExactly("DC-OLEAN", "ST-MAN");
        assertThat(orders.get(orderId).shipments()).extracting(s -> s.shipmentId() + ":" + s.status())
                .containsExactlyInAnyOrder(transferId + ":DELIVERED", transferId.replace("-T", "-P") + ":RELEASED");
    }

    @Test
    void aNoShowIsWithdrawnAtTheStoreItsStockBackOnSaleAndTheCustomerTold() {
        stock("ST-MAN", 2);
        String orderId = order(DeliveryOption.CURBSIDE, "W-P3");
        ProcessInstance pi = start(orderId, "CURBSIDE");
        allocate(orderId);
        runJobs(pi);
        correlate(orderId, "ReadyForPickup", Map.of("pickupCode", "K7Q2"));

        runJobs(pi, true);
        assertThat(told(orderId)).containsKeys("PICKUP_REMINDER", "CANCELLED");
        assertThat(nodes.cancelled).singleElement().asString().startsWith("ST-MAN:").contains("did not collect");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(position("ST-MAN")).isEqualTo(new InventoryPosition("ST-MAN", "TSHIRT-BLK-M", 2, 0, 0));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aStoreThatStaysDownGoesToAnOperatorNamingTheStep() {
        stock("ST-MAN", 2);
        String orderId = order(DeliveryOption.BOPIS, "W-P4");
        ProcessInstance pi = start(orderId, "BOPIS");
        allocate(orderId);
        nodes.down = true;

        runJobs(pi);

        assertThat(runtime.getVariable(pi.getId(), "failedActivity")).isEqualTo("Task_ReleaseToStore");
        assertThat((String) runtime.getVariable(pi.getId(), "partnerError")).contains("ST-MAN unavailable");
        assertThat(runtime.createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_HandlePartnerFailure")
                .count()).isEqualTo(1);
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("PARTNER_FAILURE");
            assertThat(e.reason()).isEqualTo("RELEASE at ST-MAN gave up: ST-MAN unavailable: connection refused;"
                    + " waiting for an operator");
        });
    }

    @Test
    void aNoShowTheStoreSaysHasLeftWaitsForAnAssociateAndIsBackOnSaleWhenPutBack() {
        stock("ST-MAN", 2);
        String orderId = order(DeliveryOption.BOPIS, "W-P5");
        ProcessInstance pi = start(orderId, "BOPIS");
        allocate(orderId);
        runJobs(pi);
        correlate(orderId, "ReadyForPickup", Map.of("pickupCode", "K7Q2"));
        String shipmentId = orders.get(orderId).shipments().get(0).shipmentId();
        nodes.refusal = new PartnerRefusedException("node type STORE", 409, shipmentId + " has left ST-MAN");

        runJobs(pi, true);

        Task check = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_CheckGoodsAtStore")
                .singleResult();
        assertThat(check).as("a store associate looks for the goods").isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "takeBackKind")).isEqualTo("PICKUP");
        assertThat(runtime.getVariable(pi.getId(), "partnerStatus")).isEqualTo(409);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("PARTNER_REFUSED");
            assertThat(e.reason()).isEqualTo("WITHDRAW refused by ST-MAN: node type STORE refused (409): " + shipmentId
                    + " has left ST-MAN");
        });

        tasks.complete(check.getId(), Map.of("storeFinding", "PUT_BACK"));

        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(position("ST-MAN")).isEqualTo(new InventoryPosition("ST-MAN", "TSHIRT-BLK-M", 2, 0, 0));
    }

    private String order(DeliveryOption option, String channelOrderId) {
        return intake.accept(new NewOrder("WEB", channelOrderId, new Customer("C-9", CustomerTier.STANDARD, "c9@example.com"),
                new Address("Sam Roe", "5 Spring St", null, "New York", "NY", "10013", "US"), option, "ST-MAN", null, null,
                List.of(new NewOrder.Line("TSHIRT-BLK-M", 2, new BigDecimal("19.90")))), "web").order().orderId();
    }

    private ProcessInstance start(String orderId, String option) {
        return runtime.startProcessInstanceByKey("store-pickup", orderId, Map.of("orderId", orderId,
                "pickupNodeId", "ST-MAN", "deliveryOption", option, "customerTier", "STANDARD"));
    }

    /** What the allocation worker does for topic allocate-order, with the real allocation. */
    private void allocate(String orderId) {
        LockedExternalTask task = externalTasks.fetchAndLock(1, "test").topic("allocate-order", 60_000).execute().get(0);
        try {
            AllocationOutcome outcome = allocation.allocate(orderId, task.getId(), Set.of(), task.getVariables());
            externalTasks.complete(task.getId(), "test", Map.of("shipmentIds", outcome.shipments().stream()
                    .map(s -> s.shipmentId()).collect(Collectors.joining(",")), "fullyAllocated", outcome.unfilledUnits() == 0));
        } catch (NoFeasibleAllocationException e) {
            externalTasks.handleBpmnError(task.getId(), "test", NoFeasibleAllocationException.BPMN_ERROR_CODE, e.getMessage());
        }
    }

    /** Runs the process's asynchronous steps (not its timers) until none is left. */
    private void runJobs(ProcessInstance pi) {
        runJobs(pi, false);
    }

    /** Runs the process's jobs, timers too (the earliest first), as if the time had come. */
    private void runJobs(ProcessInstance pi, boolean timers) {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).withRetriesLeft().list();
            Job next = jobs.stream().filter(j -> j.getDuedate() == null).findFirst().orElse(!timers ? null
                    : jobs.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElse(null));
            if (next == null) {
                return;
            }
            management.executeJob(next.getId());
        }
    }

    private void correlate(String orderId, String message, Map<String, Object> payload) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(orderId).setVariables(payload).correlate();
    }

    private void stock(String nodeId, long units) {
        ledger.adjust(new Adjustment("seed-" + nodeId, nodeId, "TSHIRT-BLK-M", units, null, null, "seed"), "test");
    }

    private InventoryPosition position(String nodeId) {
        return inventory.position(nodeId, "TSHIRT-BLK-M").orElseThrow();
    }

    private Map<String, Notification> told(String orderId) {
        return outbox.ofOrder(orderId).stream().collect(Collectors.toMap(Notification::type, n -> n, (a, b) -> b));
    }
}
