package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed scenario through core: a Brooklyn customer orders two t-shirts; the Brooklyn DC has one,
 * the Olean DC two, a Manhattan store two. One shipment from the cheaper complete source, never a split.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:allocation;DB_CLOSE_DELAY=-1")
class OrderAllocationTest {

    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired LineCancellations cancellations;
    @Autowired OrderCommandLog commands;
    @Autowired AllocationPolicies policies;

    String orderId;

    @BeforeEach
    void seedScenario() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        stock("DC-BKN", 1);
        stock("DC-OLEAN", 2);
        stock("ST-MAN", 2);
        orderId = intake.accept(TestData.order("W-SEED"), "test").order().orderId();
    }

    @Test
    void oneShipmentFromTheCheaperCompleteSourceReservedAndExplained() {
        AllocationOutcome outcome = allocation.allocate(orderId, "t1", Set.of());

        assertThat(outcome.shipments()).singleElement().satisfies(s -> {
            assertThat(s.nodeId()).as("Manhattan is nearer than Olean at the same handling cost").isEqualTo("ST-MAN");
            assertThat(s.lines()).containsExactly(new ShipmentLine(1, "TSHIRT-BLK-M", 2));
            assertThat(s.carrier()).isNotBlank();
        });
        assertThat(outcome.unfilledUnits()).isZero();
        assertThat(ledger.reservationsOf(orderId)).extracting(Reservation::nodeId, Reservation::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ST-MAN", 2L));
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        Order order = orders.get(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(order.shipments()).hasSize(1);
        TimelineEntry decision = orders.timeline(orderId).get(1);
        assertThat(decision.type()).isEqualTo("ALLOCATED");
        assertThat(decision.reason()).contains("ships 2 × TSHIRT-BLK-M", "Best split: ", "the last parcel arriving in")
                .doesNotContain("B2", "unfilled");
        assertThat(decision.detailsJson()).contains("costByRule").contains("lacks TSHIRT-BLK-M")
                .contains("the order's exact optimiser").doesNotContain("\"B2\"");
    }

    @Test
    void theSameAttemptTwiceReservesOnce() {
        allocation.allocate(orderId, "t1", Set.of());
        AllocationOutcome again = allocation.allocate(orderId, "t1", Set.of());

        assertThat(again.repeated()).isTrue();
        assertThat(again.shipments()).hasSize(1);
        assertThat(ledger.reservationsOf(orderId)).hasSize(1);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
    }

    @Test
    void theSameAttemptRunningTwiceAtOnceRecordsOnePlan() throws Exception {
        int calls = 6;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<AllocationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return allocation.allocate(orderId, "t1", Set.of());
                }));
            }
            start.countDown();
            for (Future<AllocationOutcome> outcome : outcomes) {
                assertThat(outcome.get().shipments()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(orders.timeline(orderId)).filteredOn(e -> e.type().equals("ALLOCATED")).hasSize(1);
        assertThat(ledger.reservationsOf(orderId)).hasSize(1);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
    }

    @Test
    void aRejectingNodeIsLeftOut() {
        AllocationOutcome outcome = allocation.allocate(orderId, "t2", Set.of("ST-MAN"));

        assertThat(outcome.shipments()).singleElement().satisfies(s -> assertThat(s.nodeId()).isEqualTo("DC-OLEAN"));
    }

    @Test
    void theProcessesDecisionsShapeThePlan() {
        AllocationOutcome outcome = allocation.allocate(orderId, "t1", Set.of(), Map.of("shipFromStoreAllowed", false));

        assertThat(outcome.shipments()).singleElement().satisfies(s -> assertThat(s.nodeId()).isEqualTo("DC-OLEAN"));
    }

    @Test
    void aRejectedShipmentIsPlacedAgainWithoutItsNode() {
        String rejected = allocation.allocate(orderId, "t1", Set.of()).shipments().get(0).shipmentId();

        AllocationOutcome outcome = allocation.reallocate(orderId, rejected, "r1", Set.of(), "store short-staffed", Map.of());

        assertThat(outcome.shipments()).singleElement().satisfies(s -> {
            assertThat(s.nodeId()).isEqualTo("DC-OLEAN");
            assertThat(s.lines()).containsExactly(new ShipmentLine(1, "TSHIRT-BLK-M", 2));
        });
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        Order order = orders.get(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(order.shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactlyInAnyOrder("ST-MAN:REJECTED", "DC-OLEAN:PLANNED");
        assertThat(orders.timeline(orderId)).extracting(TimelineEntry::type)
                .containsSubsequence("ALLOCATED", "SHIPMENT_REJECTED", "REALLOCATED");
        assertThat(allocation.reallocate(orderId, rejected, "r1", Set.of(), "again", Map.of()).repeated()).isTrue();
    }

    @Test
    void aRejectedShipmentWithNowhereElseToGoIsReleasedAndNotFeasible() {
        String rejected = allocation.allocate(orderId, "t1", Set.of()).shipments().get(0).shipmentId();

        assertThatThrownBy(() -> allocation.reallocate(orderId, rejected, "r1", Set.of("DC-OLEAN", "DC-BKN"), "no staff", Map.of()))
                .isInstanceOf(NoFeasibleAllocationException.class);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
        assertThat(ledger.reservationsOf(orderId)).allSatisfy(r -> assertThat(r.status().name()).isEqualTo("RELEASED"));
    }

    @Test
    void noStockAnywhereIsNoFeasibleAllocationWithTheReason() {
        NewOrder shoes = new NewOrder("WEB", "W-SHOES", TestData.order("x").customer(), TestData.order("x").shipTo(),
                null, null, null, null, List.of(new NewOrder.Line("SHOE-RUN-42", 1, new BigDecimal("80.00"))));
        String shoeOrder = intake.accept(shoes, "test").order().orderId();

        assertThatThrownBy(() -> allocation.allocate(shoeOrder, "t1", Set.of()))
                .isInstanceOf(NoFeasibleAllocationException.class)
                .hasMessageContaining("SHOE-RUN-42");
        assertThat(ledger.reservationsOf(shoeOrder)).isEmpty();
        assertThat(orders.get(shoeOrder).status()).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void unitsALineCancelTookWhileThePlanWasMadeAreNotPlaced() {
        AllocationOutcome outcome = placedAfterALineCancelOf(1);

        assertThat(outcome.shipments()).flatExtracting(s -> s.lines()).extracting(ShipmentLine::quantity)
                .containsExactly(1);
        assertThat(ledger.reservationsOf(orderId)).extracting(Reservation::quantity).containsExactly(1L);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void aPlanWhoseEveryUnitWasCancelledMeanwhileReservesNothing() {
        AllocationOutcome outcome = placedAfterALineCancelOf(2);

        assertThat(outcome.shipments()).isEmpty();
        assertThat(ledger.reservationsOf(orderId)).isEmpty();
        assertThat(orders.get(orderId).shipments()).isEmpty();
    }

    /** Plans the order as read now, while a line cancel of {@code units} of line 1 is applied, then records the plan. */
    private AllocationOutcome placedAfterALineCancelOf(int units) {
        Order asRead = orders.get(orderId);
        List<OrderLine> open = OrderAllocation.openLines(asRead, Map.of());
        cancelLine1(units);
        return allocation.place(asRead, open, "ALLOCATED", "t1", policies.policyFor(asRead, Map.of()),
                policies.promiseDays(asRead, Map.of()), Set.of(), false);
    }

    /** What a line-cancel command applied at this moment records. */
    private void cancelLine1(int units) {
        commands.receive("cancel-1", orderId, CommandType.CANCEL_LINES,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", units))), "test");
        cancellations.record("cancel-1", orderId, 1, units);
    }

    private void stock(String node, long units) {
        ledger.adjust(new Adjustment("seed-" + node, node, "TSHIRT-BLK-M", units, null, null, "seed"), "test");
    }
}
