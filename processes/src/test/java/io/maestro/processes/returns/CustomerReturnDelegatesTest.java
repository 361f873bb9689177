package io.maestro.processes.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerEntry;
import io.maestro.core.network.NetworkService;
import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.returns.CustomerReturn;
import io.maestro.core.returns.Disposition;
import io.maestro.core.returns.NewReturn;
import io.maestro.core.returns.ReturnService;
import io.maestro.core.returns.ReturnStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.testing.InTestPartners;
import io.maestro.processes.testing.ProcessesSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer-return delegates against the real domain on H2: return, ledger, order status, ERP refund, outbox. */
@ProcessesSpringTest
class CustomerReturnDelegatesTest {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ReturnService returns;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired NotificationOutbox outbox;
    @Autowired InTestPartners.Erp erp;
    @Autowired JdbcTemplate jdbc;

    String orderId;

    @BeforeEach
    void aDeliveredOrderOfTwoTshirts() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        erp.reset();
        orderId = intake.accept(TestData.order("W-R" + System.nanoTime()), "web").order().orderId();
        TestData.delivered(orders, orderId, new Shipment(orderId + "-a-1", "DC-BKN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)), "SWIFT", "GROUND", BigDecimal.ONE, BigDecimal.ONE, null,
                ShipmentStatus.PLANNED, "1Z"));
    }

    @Test
    void aResellableReturnIsRestockedAtTheReceivingNodeRefundedAndTold() {
        String returnId = receive(List.of(new NewReturn.Line(1, null, 1, "too small")), "ST-MAN");
        Task inspect = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        assertThat(tasks.getVariable(inspect.getId(), "lineSku")).isEqualTo("TSHIRT-BLK-M");

        tasks.complete(inspect.getId(), Map.of("condition", "RESELLABLE", "inspectionNotes", "tags on"));
        runJobs();

        assertThat(position("ST-MAN")).isEqualTo(new InventoryPosition("ST-MAN", "TSHIRT-BLK-M", 1, 0, 0));
        assertThat(ledger.entries("ST-MAN", "TSHIRT-BLK-M")).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo(returnId + "/1");
            assertThat(e.reason()).startsWith("RETURN_RESTOCK");
        });
        assertThat(erp.refunds).singleElement().satisfies(r -> {
            assertThat(r.refundId()).isEqualTo("refund-" + returnId);
            assertThat(r.amount()).isEqualByComparingTo("19.90");
        });
        CustomerReturn r = returns.get(returnId);
        assertThat(r.status()).isEqualTo(ReturnStatus.REFUND_REQUESTED);
        assertThat(r.line(1).disposition()).isEqualTo(Disposition.RESTOCK);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(outbox.ofOrder(orderId)).extracting(Notification::type).contains("RETURN_RECEIVED", "REFUNDED");
        assertThat(orders.timeline(orderId)).anySatisfy(e -> assertThat(e.reason()).startsWith("return-disposition"));
    }

    @Test
    void aDamagedItemIsWrittenOffAndAWrongItemGoesToTheReturnsCentreWhichGetsItOnHand() {
        String returnId = receive(List.of(new NewReturn.Line(1, null, 1, "broken seam"),
                new NewReturn.Line(1, null, 1, "not mine")), "DC-BKN");
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(orderId).list()) {
            String line = String.valueOf(runtime.getVariable(t.getExecutionId(), "returnLineNo"));
            tasks.complete(t.getId(), Map.of("condition", line.equals("1") ? "DAMAGED" : "WRONG_ITEM"));
        }
        runJobs();

        CustomerReturn r = returns.get(returnId);
        assertThat(r.line(1).disposition()).isEqualTo(Disposition.WRITE_OFF);
        assertThat(r.line(2).disposition()).isEqualTo(Disposition.RETURNS_CENTRE);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M")).isEmpty();
        assertThat(ledger.entries("DC-OLEAN", "TSHIRT-BLK-M")).extracting(LedgerEntry::reason)
                .singleElement().asString().startsWith("RETURN_TO_CENTRE");
        assertThat(erp.refunds).singleElement().satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("19.90"));
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.RETURNED);
    }

    @Test
    void anErpThatStaysDownGoesToAnOperatorWhoClosesTheReturn() {
        String returnId = receive(List.of(new NewReturn.Line(1, null, 2, null)), "DC-BKN");
        Task inspect = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        tasks.complete(inspect.getId(), Map.of("condition", "RESELLABLE"));
        erp.down = true;
        runJobs();

        Task operator = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        assertThat(operator.getTaskDefinitionKey()).isEqualTo("Task_HandlePartnerFailure");
        assertThat(tasks.getVariable(operator.getId(), "failedActivity")).isEqualTo("Task_RequestRefund");
        tasks.complete(operator.getId(), Map.of("operatorChoice", "CANCEL_SHIPMENT"));

        assertThat(returns.get(returnId).status()).isEqualTo(ReturnStatus.CLOSED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(erp.refunds).isEmpty();
    }

    private String receive(List<NewReturn.Line> lines, String nodeId) {
        return returns.open(new NewReturn(null, orderId, nodeId, lines), "pos").customerReturn().returnId();
    }

    private void runJobs() {
        management.createJobQuery().withRetriesLeft().list().forEach(j -> management.executeJob(j.getId()));
    }

    private InventoryPosition position(String nodeId) {
        return inventory.position(nodeId, "TSHIRT-BLK-M").orElseThrow();
    }
}
