package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order allocated while its best node was out (Olean instead of the Manhattan store) is planned
 * again with the other open orders: the dry run reports the saving and changes nothing; applying moves it.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:waves;DB_CLOSE_DELAY=-1")
class WaveReoptimizationTest {

    @Autowired WaveReoptimization waves;
    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    String orderId;

    @BeforeEach
    void allocatedAwayFromTheBestNode() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("s1", "DC-OLEAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        ledger.adjust(new Adjustment("s2", "ST-MAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        orderId = intake.accept(TestData.order("W-WAVE"), "test").order().orderId();
        allocation.allocate(orderId, "t1", Set.of("ST-MAN"));
    }

    @Test
    void aDryRunReportsTheSavingAndChangesNothing() {
        WaveReport report = waves.reoptimise(true, 5);

        assertThat(report.ordersConsidered()).isEqualTo(1);
        assertThat(report.savings()).isPositive();
        assertThat(report.currentCost().subtract(report.optimisedCost())).isEqualByComparingTo(report.savings());
        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.orderId()).isEqualTo(orderId);
            assertThat(change.currentNodes()).containsExactly("DC-OLEAN");
            assertThat(change.newNodes()).containsExactly("ST-MAN");
            assertThat(change.applied()).isFalse();
        });
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
    }

    @Test
    void applyingMovesTheOrderToTheCheaperPlan() {
        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.changes()).singleElement().satisfies(change -> assertThat(change.applied()).isTrue());
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(orders.get(orderId).shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactlyInAnyOrder("DC-OLEAN:CANCELLED", "ST-MAN:PLANNED");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(orders.timeline(orderId)).extracting(TimelineEntry::type).containsSubsequence(
                "ALLOCATED", "SHIPMENT_REPLANNED", "REOPTIMISED");
        assertThat(waves.reoptimise(true, 5).changes()).as("nothing left to gain").isEmpty();
        assertThat(List.of(report.currentCost(), report.optimisedCost())).allSatisfy(c -> assertThat(c).isPositive());
    }
}
