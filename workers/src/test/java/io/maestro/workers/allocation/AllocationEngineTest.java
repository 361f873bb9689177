package io.maestro.workers.allocation;

import static io.maestro.workers.allocation.Fixtures.atp;
import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.DeliveryOption;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import io.maestro.workers.allocation.realtime.SingleNodeOrGreedyAllocator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationEngineTest {

    private final AllocationEngine engine = new AllocationEngine();

    private static final List<Node> TWO_STORES_AND_A_FAR_DC = List.of(
            Fixtures.store("S1", "Store 1", Fixtures.MANHATTAN_10011),
            Fixtures.store("S2", "Store 2", Fixtures.BROOKLYN_11232),
            Fixtures.dc("LAX", "Los Angeles DC", Fixtures.LOS_ANGELES));
    private static final AtpSnapshot SPLIT_STOCK = atp("S1:A=1", "S2:B=1", "LAX:A=5", "LAX:B=5");

    private static Order nextDay(String... skus) {
        return Order.ship("O-1", Fixtures.NEW_YORK_10001, 1, java.util.Arrays.stream(skus).map(s -> line(s, 1)).toList());
    }

    @Test
    void splitsWhenTwoNearbyParcelsBeatOneOvernightParcelAndSaysSoAgainstTheSingleNode() {
        AllocationRequest request = Fixtures.request(nextDay("A", "B"), Policy.balanced(), TWO_STORES_AND_A_FAR_DC,
                SPLIT_STOCK);

        AllocationResult optimal = engine.allocate(request);
        AllocationResult fewestSplits = new AllocationEngine(new SingleNodeOrGreedyAllocator()).allocate(request);

        assertThat(optimal.plan().shipments()).extracting(Shipment::nodeId).containsExactlyInAnyOrder("S1", "S2");
        assertThat(optimal.plan().breakdown().split()).isCloseTo(2.00, within(1e-9));
        assertThat(fewestSplits.plan().shipments()).extracting(Shipment::nodeId).containsExactly("LAX");
        assertThat(optimal.plan().totalCost()).isLessThan(fewestSplits.plan().totalCost());
        assertThat(optimal.alternatives().get(0).describe()).startsWith("Los Angeles DC: +$");
    }

    @Test
    void withoutSplitsOneParcelShipsAndTheRestWaitsUnfilled() {
        Policy noSplit = Policy.balanced().withSplit(false, 3);
        List<Node> stores = TWO_STORES_AND_A_FAR_DC.subList(0, 2);
        AllocationResult result = engine.allocate(Fixtures.request(nextDay("A", "B"), noSplit, stores, SPLIT_STOCK));

        assertThat(result.plan().shipments()).hasSize(1);
        assertThat(result.plan().unfilledLines()).hasSize(1);
        assertThat(result.plan().breakdown().unfilled()).isCloseTo(100.00, within(1e-9));
    }

    @Test
    void shipCompleteShipsNothingWhenNoSingleNodeHasEverything() {
        Order order = new Order("O-2", List.of(line("A", 1), line("B", 1)), Fixtures.NEW_YORK_10001,
                DeliveryOption.SHIP, 1, true, null);
        List<Node> stores = TWO_STORES_AND_A_FAR_DC.subList(0, 2);
        AllocationResult result = engine.allocate(Fixtures.request(order, Policy.balanced(), stores, SPLIT_STOCK));

        assertThat(result.plan().isEmpty()).isTrue();
        assertThat(result.plan().unfilledUnits()).isEqualTo(2);
        assertThat(result.explanation()).startsWith("No node can ship this order now.");
    }

    @Test
    void pickupOrdersAreServedByThePickupStoreWithoutCarrier() {
        Order order = new Order("O-3", List.of(line("A", 1)), Fixtures.NEW_YORK_10001, DeliveryOption.BOPIS, 0,
                false, "S1");
        AllocationResult result = engine.allocate(Fixtures.request(order, Policy.balanced(), TWO_STORES_AND_A_FAR_DC,
                SPLIT_STOCK));

        Shipment pickup = result.plan().shipments().get(0);
        assertThat(pickup.nodeId()).isEqualTo("S1");
        assertThat(pickup.service()).isEqualTo(Service.PICKUP);
        assertThat(pickup.price()).isZero();
        assertThat(pickup.cost()).isCloseTo(5.00 + 1.20, within(1e-9));
        assertThat(result.alternatives()).isEmpty();
    }

    @Test
    void reallocationExcludesTheNodeThatRejectedAndPicksTheNextBest() {
        Order order = Order.ship("O-4", Fixtures.NEW_YORK_10001, 5, List.of(line("A", 1)));
        List<Node> nodes = List.of(Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
                Fixtures.dc("CHI", "Chicago DC", Fixtures.CHICAGO));
        AllocationRequest request = Fixtures.request(order, Policy.balanced(), nodes, atp("BKN:A=3", "CHI:A=3"));

        assertThat(engine.allocate(request).plan().shipments().get(0).nodeId()).isEqualTo("BKN");
        AllocationResult again = engine.reallocate(request, order.lines(), Set.of("BKN"));

        assertThat(again.plan().shipments().get(0).nodeId()).isEqualTo("CHI");
        assertThat(again.alternatives()).extracting(RejectedAlternative::describe)
                .containsExactly("Brooklyn DC: excluded from this order");
    }

    @Test
    void aNodeWithoutCapacityLeftIsPassedOverAndNamedAsAtDailyCapacity() {
        Order order = Order.ship("O-5", Fixtures.NEW_YORK_10001, 5, List.of(line("A", 2)));
        List<Node> nodes = List.of(
                Fixtures.store("S12", "Store 12", Fixtures.MANHATTAN_10011).withRemainingCapacity(0, 10),
                Fixtures.store("S13", "Store 13", Fixtures.MANHATTAN_10011).withRemainingCapacity(1, 10),
                Fixtures.dc("CHI", "Chicago DC", Fixtures.CHICAGO));
        AllocationResult result = engine.allocate(Fixtures.request(order, Policy.balanced(), nodes,
                atp("S12:A=5", "S13:A=5", "CHI:A=5")));

        assertThat(result.plan().shipments().get(0).nodeId()).isEqualTo("CHI");
        assertThat(result.alternatives()).extracting(RejectedAlternative::describe).containsExactly(
                "Store 12: at daily capacity", "Store 13: at daily capacity (1 units left)");
    }

    @Test
    void leavesALineUnfilledWhenShippingItCostsMoreThanThePenalty() {
        Policy cheapBackorder = new Policy(1, 1, 1, 3, true, true, 0.10, 2.00, 5.00, 1.00);
        Order order = Order.ship("O-6", Fixtures.NEW_YORK_10001, 5, List.of(line("A", 1)));
        // Chicago is 711 miles from New York: zone 5, THRIFT ground 0.5 kg $9.30 + $0.80 residential, DC handling $2.50 + $0.40
        AllocationResult result = engine.allocate(Fixtures.request(order, cheapBackorder,
                List.of(Fixtures.dc("CHI", "Chicago DC", Fixtures.CHICAGO)), atp("CHI:A=5")));

        assertThat(result.plan().isEmpty()).isTrue();
        assertThat(result.plan().totalCost()).isCloseTo(1.00, within(1e-9));
        assertThat(result.alternatives().get(0).reason()).isEqualTo("+$12.00: shipping +$10.10, handling +$2.90, unfilled -$1.00");
    }

    @Test
    void aLineNoNodeHoldsWholeIsSpreadOverTwoNodesWhenSplitsAreAllowed() {
        Order order = Order.ship("O-7", Fixtures.NEW_YORK_10001, 5, List.of(line("A", 3)));
        List<Node> nodes = List.of(Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
                Fixtures.dc("OLN", "Olean DC", Fixtures.OLEAN_14760));
        AtpSnapshot stock = atp("BKN:A=2", "OLN:A=2");

        AllocationPlan split = engine.allocate(Fixtures.request(order, Policy.balanced(), nodes, stock)).plan();
        AllocationPlan single = engine.allocate(Fixtures.request(order, Policy.balanced().withSplit(false, 1), nodes,
                stock)).plan();

        assertThat(split.shipments()).extracting(s -> s.nodeId() + ":" + s.units())
                .containsExactlyInAnyOrder("BKN:2", "OLN:1");
        assertThat(split.isComplete()).isTrue();
        assertThat(single.shipments()).extracting(s -> s.nodeId() + ":" + s.units()).containsExactly("BKN:2");
        assertThat(single.unfilledLines()).containsExactly(new OrderLine("A", 1, 0.4));
    }
}
