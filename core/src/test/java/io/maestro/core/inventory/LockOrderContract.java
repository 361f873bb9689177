package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path that touches several positions in one transaction (reserve, release, consume, snapshot, device-style
 * batches) takes their row locks in (node, SKU) order, whatever order its input comes in: many of them at once, each
 * client handing its lines over in another order, never deadlock (called here without any retry). And a node's
 * daily capacity is held at reservation: racing one-unit reservations never take a node over it.
 */
abstract class LockOrderContract {

    private static final List<String> NODES = List.of("DC-BKN", "DC-OLEAN", "ST-MAN");
    /** Punctuation sorts differently in a database collation than in Java: the locks must follow Java's order. */
    private static final List<String> SKUS = List.of("LOCK-A1", "LOCKA0", "LOCK_A2", "LOCK.A3");
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 12;

    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries queries;
    @Autowired SnapshotImport snapshots;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        SKUS.forEach(sku -> catalog.save(TestData.sku(sku)));
        List<SnapshotRow> rows = new ArrayList<>();
        NODES.forEach(node -> SKUS.forEach(sku -> rows.add(new SnapshotRow(node, sku, 1_000L, 0L))));
        snapshots.importSnapshot("seed", "test", rows, "test");
    }

    /** Deadlocks the database broke so far (PostgreSQL counts them; H2 has no such figure). */
    protected abstract long deadlocksSoFar();

    @Test
    void multiPositionOperationsInOppositeOrdersNeverDeadlock() throws Exception {
        long deadlocksBefore = deadlocksSoFar();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger operations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(pool.submit((Callable<Void>) () -> {
                Random random = new Random(client);
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    try {
                        operate(client, round, random);
                        operations.incrementAndGet();
                    } catch (InsufficientStockException expected) {
                        operations.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("no deadlock or other failure").isEmpty();
        assertThat(operations.get()).isEqualTo(CLIENTS * ROUNDS);
        assertThat(deadlocksSoFar() - deadlocksBefore).as("deadlocks the database broke").isZero();
        for (String node : NODES) {
            for (InventoryPosition p : queries.atNode(node)) {
                Long active = jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation where node_id = ? and sku = ? "
                        + "and status = 'ACTIVE'", Long.class, node, p.sku());
                assertThat(p.reserved()).as("reserved at %s %s", node, p.sku()).isEqualTo(active);
                List<LedgerEntry> entries = ledger.entries(node, p.sku());
                assertThat(entries.stream().mapToLong(LedgerEntry::onHandDelta).sum()).isEqualTo(p.onHand());
                assertThat(entries.stream().mapToLong(LedgerEntry::reservedDelta).sum()).isEqualTo(p.reserved());
            }
        }
    }

    /** One client's round: the same positions as every other client, in an order of its own. */
    private void operate(int client, int round, Random random) {
        List<String[]> positions = new ArrayList<>();
        NODES.forEach(node -> SKUS.forEach(sku -> positions.add(new String[] {node, sku})));
        if (client % 2 == 1) {
            Collections.reverse(positions);
        } else {
            Collections.shuffle(positions, random);
        }
        switch ((client + round) % 4) {
            case 0, 1 -> {
                List<ReservationRequest> requests = new ArrayList<>();
                for (int i = 0; i < positions.size(); i++) {
                    requests.add(new ReservationRequest("R-" + client + "-" + round + "-" + i, "ORD-" + client + "-" + round,
                            i + 1, positions.get(i)[0], positions.get(i)[1], 1));
                }
                ledger.reserve("WEB", requests, "client-" + client);
                List<String> ids = new ArrayList<>(requests.stream().map(ReservationRequest::reservationId).toList());
                Collections.reverse(ids);
                if (round % 2 == 0) {
                    ledger.consumeAll(ids, "shipped", "client-" + client);
                } else {
                    ledger.releaseAll(ids, "cancelled", "client-" + client);
                }
            }
            case 2 -> snapshots.importSnapshot("S-" + client + "-" + round, "test", positions.stream()
                    .map(p -> new SnapshotRow(p[0], p[1], 1_000L, null)).toList(), "client-" + client);
            default -> ledger.adjustAll(positions.stream().map(p -> new Adjustment("A-" + client + "-" + round + "-" + p[0] + p[1],
                    p[0], p[1], 1L, null, null, "receipt")).toList(), a -> "client-" + client);
        }
    }

    @Test
    void racingOneUnitReservationsNeverTakeANodeOverItsDailyCapacity() throws Exception {
        jdbc.update("update node set daily_capacity = 5 where id = 'DC-OLEAN'");
        int racers = 24;
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            int racer = r;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                try {
                    ledger.reserve("WEB", List.of(new ReservationRequest("CAP-" + racer, "ORD-CAP-" + racer, 1, "DC-OLEAN",
                            SKUS.get(racer % SKUS.size()), 1)), "racer-" + racer);
                    reserved.incrementAndGet();
                } catch (NodeCapacityExhaustedException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(reserved.get()).isEqualTo(5);
        assertThat(refused.get()).isEqualTo(racers - 5);
        assertThat(queries.capacityHeldToday()).containsEntry("DC-OLEAN", 5L);
        assertThat(jdbc.queryForObject("select count(*) from reservation where node_id = 'DC-OLEAN' and status = 'ACTIVE'",
                Integer.class)).isEqualTo(5);

        String someone = jdbc.queryForObject("select min(id) from reservation where node_id = 'DC-OLEAN'", String.class);
        ledger.release(someone, "cancelled", "test");
        assertThat(queries.capacityHeldToday()).as("a release gives its capacity back").containsEntry("DC-OLEAN", 4L);
        ledger.reserve("WEB", List.of(new ReservationRequest("CAP-AGAIN", "ORD-CAP-AGAIN", 1, "DC-OLEAN", SKUS.get(0), 1)),
                "test");
        ledger.reserve("WEB", List.of(new ReservationRequest("CAP-PICKUP", "ORD-CAP-PICKUP", 1, "DC-OLEAN", SKUS.get(0), 1)),
                "test", false);
        assertThat(queries.capacityHeldToday()).as("goods already at hand hold none").containsEntry("DC-OLEAN", 5L);
        ledger.consume("CAP-AGAIN", "shipped", "test");
        assertThat(queries.capacityHeldToday()).as("shipped units stay counted for the day").containsEntry("DC-OLEAN", 5L);
    }
}
