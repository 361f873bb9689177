package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.PostgresProfile;
import io.maestro.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many orders allocated at once for a SKU with ten units in the network, on real PostgreSQL: plans
 * that lose the race re-plan on fresh stock (and the caller retries when they lose too often, as the
 * engine retries the task); exactly ten units end up promised, none twice.
 */
@SpringBootTest
class ConcurrentAllocationPostgresTest {

    private static final int ORDERS = 24;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }

    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
    }

    @Test
    void tenUnitsGoToTenOrders() throws Exception {
        ledger.adjust(new Adjustment("s1", "DC-BKN", "TSHIRT-BLK-M", 4L, null, null, "seed"), "test");
        ledger.adjust(new Adjustment("s2", "DC-OLEAN", "TSHIRT-BLK-M", 3L, null, null, "seed"), "test");
        ledger.adjust(new Adjustment("s3", "ST-MAN", "TSHIRT-BLK-M", 3L, null, null, "seed"), "test");
        int allocated = allocateAtOnce(oneUnitOrders("W-RACE-"));

        assertThat(allocated).isEqualTo(10);
        assertThat(jdbc.queryForObject("select sum(quantity) from reservation where status = 'ACTIVE'", Long.class))
                .isEqualTo(10);
        for (String node : List.of("DC-BKN", "DC-OLEAN", "ST-MAN")) {
            InventoryPosition p = inventory.position(node, "TSHIRT-BLK-M").orElseThrow();
            assertThat(p.reserved()).as(node).isEqualTo(p.onHand());
        }
        assertThat(jdbc.queryForObject("select count(*) from orders where status = 'ALLOCATED'", Integer.class)).isEqualTo(10);
    }

    /** Stock for all, but the only node with it may ship five units today: five orders get them, never six. */
    @Test
    void aNodeWithADailyCapacityOfFiveShipsFiveOfTheRacingOrders() throws Exception {
        ledger.adjust(new Adjustment("s1", "DC-OLEAN", "TSHIRT-BLK-M", 100L, null, null, "seed"), "test");
        jdbc.update("update node set daily_capacity = 5 where id = 'DC-OLEAN'");

        int allocated = allocateAtOnce(oneUnitOrders("W-CAP-"));

        assertThat(allocated).isEqualTo(5);
        assertThat(jdbc.queryForObject("select sum(quantity) from reservation where status = 'ACTIVE' and node_id = 'DC-OLEAN'",
                Long.class)).isEqualTo(5);
        assertThat(inventory.capacityHeldToday()).containsEntry("DC-OLEAN", 5L);
        assertThat(jdbc.queryForObject("select count(*) from orders where status = 'ALLOCATED'", Integer.class)).isEqualTo(5);
    }

    private List<String> oneUnitOrders(String prefix) {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            NewOrder one = TestData.order(prefix + i);
            orderIds.add(intake.accept(new NewOrder(one.channel(), one.channelOrderId(), one.customer(), one.shipTo(), null,
                    null, null, null, List.of(new NewOrder.Line("TSHIRT-BLK-M", 1, one.lines().get(0).unitPrice()))), "test")
                    .order().orderId());
        }
        return orderIds;
    }

    /** Allocates every order at once on eight threads, each retried as the engine would; returns how many were filled. */
    private int allocateAtOnce(List<String> orderIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (String orderId : orderIds) {
            results.add(pool.submit((Callable<Boolean>) () -> {
                while (true) {
                    try {
                        return allocation.allocate(orderId, "race", java.util.Set.of()).unfilledUnits() == 0;
                    } catch (NoFeasibleAllocationException e) {
                        return false;
                    } catch (AllocationContentionException retryAsTheEngineWould) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        int allocated = 0;
        for (Future<Boolean> result : results) {
            allocated += result.get(2, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        return allocated;
    }
}
