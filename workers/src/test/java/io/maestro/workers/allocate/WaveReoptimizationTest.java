package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order allocated while its best node was out (Olean instead of the Manhattan store) is planned
 * again with the other open orders: the dry run reports the saving and changes nothing; applying hands the new plan
 * to the order's process ({@link ReplanDelivery}, here a stand-in that records it) and writes nothing itself. The
 * process applying it is walked in {@code processes} and end to end in {@code app} ({@code WaveReplanTest}).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:waves;DB_CLOSE_DELAY=-1")
@Import(WaveReoptimizationTest.OrderProcesses.class)
class WaveReoptimizationTest {

    /** Stands in for the order processes: records each plan and answers as the test tells it. */
    @TestConfiguration
    static class OrderProcesses {
        final List<ReplanDelivery.Replan> delivered = new ArrayList<>();
        ReplanDelivery.Delivery answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.APPLIED, "applied");

        @Bean
        ReplanDelivery replanDelivery() {
            return replan -> {
                delivered.add(replan);
                return answer;
            };
        }
    }

    @Autowired WaveReoptimization waves;
    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrderProcesses processes;

    String orderId;

    @BeforeEach
    void allocatedAwayFromTheBestNode() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("s1", "DC-OLEAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        ledger.adjust(new Adjustment("s2", "ST-MAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        orderId = intake.accept(TestData.order("W-WAVE"), "test").order().orderId();
        allocation.allocate(orderId, "t1", Set.of("ST-MAN"));
        processes.delivered.clear();
        processes.answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.APPLIED, "applied");
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
            assertThat(change.outcome()).isEqualTo("DRY_RUN");
        });
        assertThat(processes.delivered).isEmpty();
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
    }

    @Test
    void applyingHandsTheCheaperPlanToTheOrdersProcessAndWritesNothingItself() {
        String current = orders.get(orderId).shipments().get(0).shipmentId();
        int timeline = orders.timeline(orderId).size();

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.applied()).isTrue();
            assertThat(change.outcome()).isEqualTo("APPLIED");
        });
        assertThat(processes.delivered).singleElement().satisfies(replan -> {
            assertThat(replan.orderId()).isEqualTo(orderId);
            assertThat(replan.replacedShipmentIds()).containsExactly(current);
            assertThat(replan.shipments()).singleElement().satisfies(s -> {
                assertThat(s.nodeId()).isEqualTo("ST-MAN");
                assertThat(s.status()).isEqualTo(ShipmentStatus.PLANNED);
                assertThat(s.shipmentId()).startsWith(orderId + "-" + replan.attempt() + "-");
                assertThat(s.lines()).extracting(ShipmentLine::quantity).containsExactly(2);
            });
            assertThat(replan.details()).containsEntry("attempt", replan.attempt()).containsKey("costByRule");
        });
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
        assertThat(orders.get(orderId).shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactly("DC-OLEAN:PLANNED");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(orders.timeline(orderId)).hasSize(timeline);
        assertThat(List.of(report.currentCost(), report.optimisedCost())).allSatisfy(c -> assertThat(c).isPositive());
    }

    @Test
    void anOrderWhoseProcessIsPastTheSafePointIsReportedSkipped() {
        processes.answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.SKIPPED, "shipment released meanwhile");

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.applied()).isFalse();
            assertThat(change.outcome()).isEqualTo("SKIPPED");
            assertThat(change.note()).isEqualTo("shipment released meanwhile");
        });
    }
}
