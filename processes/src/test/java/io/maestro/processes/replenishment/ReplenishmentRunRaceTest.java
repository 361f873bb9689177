package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.core.replenishment.ReplenishmentRuns;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.testing.ProcessesSpringTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two reviews of one node at once propose its shortfall once: the second waits for the first to commit (the node's
 * row lock), then counts the first one's proposal as on order.
 */
@ProcessesSpringTest
class ReplenishmentRunRaceTest {

    @Autowired ReplenishmentPlanner planner;
    @Autowired ReplenishmentRuns runs;
    @Autowired ReplenishmentProposals proposals;
    @Autowired InventoryLedger ledger;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void fiveShirtsAndADemandOfOneADay() {
        jdbc.update("delete from purchase_order");
        jdbc.update("delete from replenishment_proposal");
        jdbc.update("delete from replenishment_run");
        jdbc.update("delete from demand_forecast");
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("count-race", "DC-BKN", "TSHIRT-BLK-M", null, 5L, null, "count"), "test");
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values (?, ?, 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", "TSHIRT-BLK-M", "DC-BKN",
                LocalDate.now(ZoneOffset.UTC), String.join(";", Collections.nCopies(90, "1.0")),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * The first review proposes and holds its transaction open until the second either waits for a lock the first
     * holds (the node's) or, without one, has finished its review. Then the first commits.
     */
    @Test
    void twoConcurrentReviewsOfANodeProposeItsShortfallOnce() throws Exception {
        ReplenishmentRuns.Run first = runs.open("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        ReplenishmentRuns.Run second = runs.open("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        CountDownLatch firstProposed = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);

        CompletableFuture<List<ReplenishmentProposal>> a = CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
            List<ReplenishmentProposal> made = planner.propose(first);
            firstProposed.countDown();
            waitFor(secondInside);
            return made;
        }));
        waitFor(firstProposed);
        CompletableFuture<List<ReplenishmentProposal>> b = CompletableFuture.supplyAsync(() -> {
            secondInside.countDown();
            return transactions.execute(s -> planner.propose(second));
        });
        await().until(() -> b.isDone() || aSessionWaitsForALock());
        // a commits only now: b has either finished without seeing a's proposal, or waits for a's lock
        List<ReplenishmentProposal> proposedByFirst = a.get();
        List<ReplenishmentProposal> proposedBySecond = b.get();

        assertThat(proposedByFirst).hasSize(1);
        assertThat(proposedBySecond).isEmpty();
        assertThat(proposals.list("DC-BKN", null, 10)).hasSize(1);
    }

    @Test
    void aSecondReviewCountsAnUndecidedProposalAsOnOrder() {
        ReplenishmentRuns.Run first = runs.open("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");
        ReplenishmentRuns.Run second = runs.open("DC-BKN", ReplenishmentRuns.Trigger.ON_DEMAND, "analyst");

        List<ReplenishmentProposal> made = transactions.execute(s -> planner.propose(first));
        List<ReplenishmentProposal> again = transactions.execute(s -> planner.propose(second));
        assertThat(again).isEmpty();
        assertThat(made).singleElement().satisfies(p -> assertThat(proposals.pendingAt("DC-BKN"))
                .containsEntry("TSHIRT-BLK-M", p.proposedQuantity()));
    }

    /** H2 names the session a waiting session waits for. */
    private boolean aSessionWaitsForALock() {
        Long waiting = jdbc.queryForObject("select count(*) from information_schema.sessions where blocker_id is not null",
                Long.class);
        return waiting != null && waiting > 0;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
