package io.maestro.processes.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.StateConflictException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.StockTransfers;
import io.maestro.core.transfer.TransferRequest;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.processes.testing.ProcessesSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stock-transfer model with its real steps on H2: the ledger moves at the source and destination, the receipt
 * through the intake, the deadline's timer and an analyst's decision in the task.
 */
@ProcessesSpringTest
class StockTransferDelegatesTest {

    static final String SKU = "TSHIRT-BLK-M";

    @Autowired TransferStarter starter;
    @Autowired TransferReceiptIntake receipts;
    @Autowired StockTransfers transfers;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void twentyShirtsInBrooklyn() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("count-1", "DC-BKN", SKU, null, 20L, null, "count"), "test");
    }

    @Test
    void anApprovedTransferIsReleasedAndReceivedInFull() {
        String id = approve(8);
        runJobs();
        assertThat(transfers.get(id).status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(onHand("DC-BKN")).isEqualTo(12);

        TransferReceiptIntake.Taken taken = receipts.receive(id, "wms-" + id, 8L, "wms");

        assertThat(taken.transfer().status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(onHand("ST-MAN")).isEqualTo(8);
        assertThat(passed(id)).contains("EndEvent_TransferReceived");
        assertThat(receipts.receive(id, "wms-" + id, 8L, "wms").duplicate()).isTrue();
        assertThat(onHand("ST-MAN")).isEqualTo(8);
    }

    @Test
    void aPausedSourceRejectsAndAReceiptOfARejectedTransferIsRefused() {
        String id = approve(8);
        network.setStatus("DC-BKN", NodeStatus.PAUSED);
        try {
            runJobs();
        } finally {
            network.setStatus("DC-BKN", NodeStatus.OPEN);
        }

        StockTransfer t = transfers.get(id);
        assertThat(t.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(t.reason()).contains("PAUSED");
        assertThat(onHand("DC-BKN")).isEqualTo(20);
        assertThat(passed(id)).contains("EndEvent_TransferRejected");
        assertThatThrownBy(() -> receipts.receive(id, "wms-x", 1L, "wms")).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anOverdueTransferIsKeptWaitingThenWrittenOffByAnAnalyst() {
        String id = approve(5);
        runJobs();
        deadlinePasses(id);

        Task decide = tasks.createTaskQuery().taskDefinitionKey("Task_DecideOverdueTransfer").singleResult();
        assertThat(tasks.getVariables(decide.getId())).containsAllEntriesOf(Map.of("transferId", id, "sku", SKU,
                "fromNodeId", "DC-BKN", "toNodeId", "ST-MAN", "inTransit", 5L, "receiptDeadline", "PT72H"));
        assertThat(transfers.get(id).status()).isEqualTo(TransferStatus.OVERDUE);
        tasks.complete(decide.getId(), Map.of("overdueDecision", "KEEP_WAITING", "decisionNote", "carrier says Monday"));
        assertThat(transfers.get(id).status()).isEqualTo(TransferStatus.IN_TRANSIT);

        deadlinePasses(id);
        decide = tasks.createTaskQuery().taskDefinitionKey("Task_DecideOverdueTransfer").singleResult();
        tasks.complete(decide.getId(), Map.of("overdueDecision", "WRITE_OFF", "decisionNote", "truck never came"));

        StockTransfer lost = transfers.get(id);
        assertThat(lost.status()).isEqualTo(TransferStatus.LOST);
        assertThat(lost.lost()).isEqualTo(5);
        assertThat(onHand("DC-BKN")).isEqualTo(15);
        assertThat(transfers.timeline(id)).extracting(e -> e.type()).containsExactly("TRANSFER_REQUESTED",
                "TRANSFER_RELEASED", "TRANSFER_OVERDUE", "TRANSFER_KEPT_WAITING", "TRANSFER_OVERDUE",
                "TRANSFER_LOSS_WRITTEN_OFF");
        assertThat(passed(id)).contains("Task_KeepWaiting", "EndEvent_TransferLost");
    }

    @Test
    void aReceiptWhileTheAnalystDecidesEndsTheTask() {
        String id = approve(5);
        runJobs();
        deadlinePasses(id);

        assertThat(receipts.receive(id, "late-" + id, 4L, "wms").transfer().status())
                .isEqualTo(TransferStatus.RECEIVED_SHORT);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_DecideOverdueTransfer").count()).isZero();
        assertThat(onHand("ST-MAN")).isEqualTo(4);
        assertThat(transfers.get(id).lost()).isEqualTo(1);
        assertThat(passed(id)).contains("BoundaryEvent_ReceivedWhileDeciding", "EndEvent_TransferReceivedShort");
    }

    private String approve(long units) {
        return starter.approve(new TransferRequest(SKU, "DC-BKN", "ST-MAN", units, "test"), null, "analyst")
                .transfer().transferId();
    }

    private void deadlinePasses(String id) {
        Job timer = management.createJobQuery().processInstanceId(instance(id)).timers().singleResult();
        management.executeJob(timer.getId());
    }

    private String instance(String id) {
        return history.createHistoricProcessInstanceQuery().variableValueEquals("transferId", id).singleResult().getId();
    }

    private List<String> passed(String id) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance(id)).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private long onHand(String node) {
        return inventory.position(node, SKU).map(InventoryPosition::onHand).orElse(0L);
    }

    private void runJobs() {
        for (int round = 0; round < 3; round++) {
            management.createJobQuery().withRetriesLeft().executable().list()
                    .forEach(j -> management.executeJob(j.getId()));
        }
    }
}
