package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ProposalStatus;
import io.maestro.core.replenishment.PurchaseOrder;
import io.maestro.core.replenishment.PurchaseOrderStatus;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.core.replenishment.ReplenishmentRuns;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.testing.InTestPartners;
import io.maestro.processes.testing.ProcessesSpringTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replenishment delegates and model against the real domain on H2: the stored forecast's distribution, the
 * real DMN, the ledger's positions, purchase orders to the (in-test) ERP.
 */
@ProcessesSpringTest
class ReplenishmentDelegatesTest {

    @Autowired ReplenishmentRunner runner;
    @Autowired ReplenishmentProposals proposals;
    @Autowired PurchaseOrders purchaseOrders;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired InventoryLedger ledger;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired InTestPartners.Erp erp;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void theTestNetwork() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
        jdbc.update("delete from purchase_order");
        jdbc.update("delete from replenishment_proposal");
        jdbc.update("delete from replenishment_run");
        jdbc.update("delete from demand_forecast");
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        erp.reset();
    }

    /**
     * DC-BKN holds 5 t-shirts, forecast 1 a day (Poisson): its only SKU, so class A at a DC → 98 %, reviewed weekly
     * with 7 days' lead time, cases of 12, minimum 24, up to 240 units without a person. Demand over 14 days is
     * Poisson(14): P(D ≤ 21) = 0.9755, P(D ≤ 22) = 0.9833 → order up to 22; 17 short → the minimum 24 (two cases).
     */
    @Test
    void aSmallProposalIsOrderedFromTheErpAndCountsAsOnOrderInTheNextRun() {
        stock("DC-BKN", "TSHIRT-BLK-M", 5);
        forecast("DC-BKN", "TSHIRT-BLK-M", 1.0);

        ReplenishmentRuns.Run run = runner.start("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        runJobs();

        ReplenishmentProposal p = proposals.get(run.runId() + "-1");
        assertThat(p.orderUpTo()).isEqualTo(22);
        assertThat(p.proposedQuantity()).isEqualTo(24);
        assertThat(p.abcClass()).isEqualTo("A");
        assertThat(p.policy().serviceLevel()).isEqualTo(0.98);
        assertThat(p.forecastMean()).isEqualTo(14.0);
        assertThat(p.status()).isEqualTo(ProposalStatus.AUTO_APPROVED);
        assertThat(p.reason()).startsWith("order up to 22 = the 98 % quantile of 14 days' demand (mean 14.0); "
                + "position 5 = on hand 5 − reserved 0 + on order 0; 17 short, minimum 24, packs of 12 → 24.");
        PurchaseOrder po = purchaseOrders.get("PO-" + p.proposalId());
        assertThat(po.status()).isEqualTo(PurchaseOrderStatus.ACKNOWLEDGED);
        assertThat(erp.purchaseOrders).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(po.requestId());
            assertThat(r.nodeId()).isEqualTo("DC-BKN");
            assertThat(r.quantity()).isEqualTo(24);
        });
        assertThat(ended(run)).contains("EndEvent_PurchaseOrderSent");

        ReplenishmentRuns.Run again = runner.start("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        runJobs();

        assertThat(proposals.list("DC-BKN", null, 10)).hasSize(1);
        assertThat(ended(again)).contains("EndEvent_NothingToOrder");
    }

    /**
     * DC-OLEAN has no shoes and a forecast of 20 a day: order up to the 98 % quantile of Poisson(280) = 315, 315 short
     * → 27 cases = 324 units, above the 240 an analyst must see; she orders 300.
     */
    @Test
    void aLargeProposalWaitsForAnAnalystWhoOrdersAnotherQuantity() {
        stock("DC-OLEAN", "SHOE-RUN-42", 0);
        forecast("DC-OLEAN", "SHOE-RUN-42", 20.0);

        ReplenishmentRuns.Run run = runner.start("DC-OLEAN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        runJobs();

        Task review = tasks.createTaskQuery().taskDefinitionKey("Task_ReviewReplenishment").singleResult();
        assertThat(tasks.getVariables(review.getId())).containsAllEntriesOf(Map.of("sku", "SHOE-RUN-42",
                "nodeId", "DC-OLEAN", "onHand", 0L, "onOrder", 0L, "orderUpTo", 315L, "proposedQuantity", 324L,
                "forecastMean", 280.0));
        assertThat(tasks.getIdentityLinksForTask(review.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("analyst"));
        assertThat(purchaseOrders.onOrderAt("DC-OLEAN")).isEmpty();

        tasks.complete(review.getId(), Map.of("reviewDecision", "EDIT", "approvedQuantity", 300L, "reviewNote",
                "shelf space"));
        runJobs();

        ReplenishmentProposal p = proposals.get(run.runId() + "-1");
        assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p.approvedQuantity()).isEqualTo(300);
        assertThat(p.decisionNote()).isEqualTo("shelf space");
        assertThat(purchaseOrders.onOrderAt("DC-OLEAN")).containsExactlyEntriesOf(Map.of("SHOE-RUN-42", 300L));
        assertThat(erp.purchaseOrders).extracting(r -> r.quantity()).containsExactly(300L);
    }

    @Test
    void aRejectedProposalOrdersNothing() {
        stock("DC-OLEAN", "SHOE-RUN-42", 0);
        forecast("DC-OLEAN", "SHOE-RUN-42", 20.0);
        ReplenishmentRuns.Run run = runner.start("DC-OLEAN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        runJobs();

        Task review = tasks.createTaskQuery().taskDefinitionKey("Task_ReviewReplenishment").singleResult();
        tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT", "reviewNote", "range delisted"));

        assertThat(proposals.get(run.runId() + "-1").status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(purchaseOrders.list("DC-OLEAN", null, false, 10)).isEmpty();
        assertThat(erp.purchaseOrders).isEmpty();
    }

    @Test
    void aScheduledRunSkipsWhatWasProposedWithinItsReviewPeriod() {
        stock("DC-BKN", "TSHIRT-BLK-M", 5);
        forecast("DC-BKN", "TSHIRT-BLK-M", 1.0);
        runner.start("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        runJobs();
        ledger.adjust(new Adjustment("loss-1", "DC-BKN", "TSHIRT-BLK-M", -5L, null, null, "damaged"), "test");

        ReplenishmentRuns.Run scheduled = runner.start("DC-BKN", ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
        runJobs();

        assertThat(ended(scheduled)).contains("EndEvent_NothingToOrder");
        assertThat(proposals.list("DC-BKN", null, 10)).hasSize(1);
    }

    private void stock(String nodeId, String sku, long units) {
        ledger.adjust(new Adjustment("count-" + nodeId + "-" + sku, nodeId, sku, null, units, null, "count"), "test");
    }

    /** A stored daily forecast of {@code perDay} units for the next 90 days, Poisson (dispersion 1). */
    private void forecast(String nodeId, String sku, double perDay) {
        String mean = String.join(";", Collections.nCopies(90, String.valueOf(perDay)));
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values (?, ?, 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", sku, nodeId,
                LocalDate.now(ZoneOffset.UTC), mean, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<String> ended(ReplenishmentRuns.Run run) {
        String processInstanceId = history.createHistoricVariableInstanceQuery().variableName("runId")
                .variableValueEquals("runId", run.runId()).singleResult().getProcessInstanceId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityType("noneEndEvent")
                .list().stream().map(a -> a.getActivityId()).toList();
    }

    private void runJobs() {
        for (int round = 0; round < 5; round++) {
            management.createJobQuery().withRetriesLeft().executable().list()
                    .forEach(j -> management.executeJob(j.getId()));
        }
    }
}
