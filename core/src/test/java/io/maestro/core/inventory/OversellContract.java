package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Many clients race for the last units of one SKU at one node. Whatever the interleaving, the
 * successful reservations add up to exactly what was available and never more.
 */
abstract class OversellContract {

    private static final String NODE = "DC-BKN";
    private static final String SKU = "TSHIRT-BLK-M";
    private static final int THREADS = 32;
    private static final int ATTEMPTS_PER_THREAD = 4;

    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries queries;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
    }

    @Test
    void concurrentReservationsNeverExceedWhatIsAvailable() throws Exception {
        ledger.adjust(new Adjustment("count-1", NODE, SKU, null, 45L, 4L, "cycle count"), "test");
        long available = 41;
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    long quantity = 1 + (thread + i) % 2;
                    try {
                        ledger.reserve("WEB", List.of(new ReservationRequest("R-" + thread + "-" + i, "ORD-" + thread, i + 1,
                                NODE, SKU, quantity)), "client-" + thread);
                        succeeded.addAndGet((int) quantity);
                    } catch (InsufficientStockException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        InventoryPosition after = queries.position(NODE, SKU).orElseThrow();
        assertThat(after.reserved()).isLessThanOrEqualTo(after.onHand() - after.safetyStock());
        assertThat(after.reserved()).isEqualTo(succeeded.get());
        assertThat(available - succeeded.get()).as("left over is less than the largest request").isBetween(0L, 1L);
        assertThat(refused.get()).isPositive();
        Long reservedRows = jdbc.queryForObject("select sum(quantity) from reservation where status = 'ACTIVE'", Long.class);
        assertThat(reservedRows).isEqualTo(after.reserved());
    }
}
