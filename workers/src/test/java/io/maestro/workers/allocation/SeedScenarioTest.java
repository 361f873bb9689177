package io.maestro.workers.allocation;

import static io.maestro.workers.allocation.Fixtures.atp;
import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A New York customer (ZIP 10001) orders two TSHIRT-BLK-M. Brooklyn DC has one, Olean DC (14760) has two,
 * a Manhattan store has two. The order ships in one parcel from the cheaper complete source, never split.
 */
class SeedScenarioTest {

    private static final String TSHIRT = "TSHIRT-BLK-M";
    private static final List<Node> NODES = List.of(
            Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
            Fixtures.dc("OLN", "Olean DC", Fixtures.OLEAN_14760),
            Fixtures.store("S12", "Store 12 Manhattan", Fixtures.MANHATTAN_10011));
    private static final AtpSnapshot ATP = atp("BKN:" + TSHIRT + "=1", "OLN:" + TSHIRT + "=2", "S12:" + TSHIRT + "=2");

    private final AllocationEngine engine = new AllocationEngine();

    private AllocationResult allocate(int promiseDays, Policy policy) {
        Order order = Order.ship("W-1001", Fixtures.NEW_YORK_10001, promiseDays, List.of(line(TSHIRT, 2)));
        return engine.allocate(Fixtures.request(order, policy, NODES, ATP));
    }

    @Test
    void withAStandardPromiseOleanShipsEverythingBecauseStoreHandlingCostsMore() {
        AllocationResult result = allocate(3, Policy.balanced());

        AllocationPlan plan = result.plan();
        assertThat(plan.shipments()).hasSize(1);
        Shipment parcel = plan.shipments().get(0);
        assertThat(parcel.nodeName()).isEqualTo("Olean DC");
        assertThat(parcel.service()).isEqualTo(Service.GROUND);
        assertThat(parcel.carrier()).isEqualTo("THRIFT");
        assertThat(parcel.price()).isCloseTo(8.70, within(1e-9));
        assertThat(parcel.etaDays()).isEqualTo(3);
        assertThat(parcel.onTime()).isTrue();
        assertThat(plan.isComplete()).isTrue();
        assertThat(plan.breakdown().handlingPerShipment() + plan.breakdown().handlingPerUnit())
                .isCloseTo(3.30, within(1e-9));
        assertThat(result.proven()).isTrue();
        assertThat(result.alternatives()).extracting(RejectedAlternative::describe).containsExactly(
                "Store 12 Manhattan: +$2.70: handling +$4.10, shipping -$1.40",
                "Brooklyn DC: lacks TSHIRT-BLK-M (1 of 2)");
    }

    @Test
    void aNodePassedOverSaysWhenItsParcelWouldArriveAndOneThatCouldNotServeSaysNothing() {
        AllocationResult result = allocate(3, Policy.balanced());

        // the store would ship the two by ground, as its costing priced them
        assertThat(result.alternatives()).extracting(RejectedAlternative::etaDays).containsExactly(2,
                RejectedAlternative.NO_ETA);
    }

    @Test
    void withANextDayPromiseTheStoreShipsGroundInsteadOfOleanOvernight() {
        AllocationResult result = allocate(1, Policy.balanced());

        Shipment parcel = result.plan().shipments().get(0);
        assertThat(result.plan().shipments()).hasSize(1);
        assertThat(parcel.nodeName()).isEqualTo("Store 12 Manhattan");
        assertThat(parcel.service()).isEqualTo(Service.GROUND);
        assertThat(parcel.cost()).isCloseTo(10.03 + 5.00 + 2.40, within(0.01));
        assertThat(result.alternatives().get(0).describe()).startsWith("Olean DC: +$");
        assertThat(result.alternatives().get(0).reason()).contains("shipping +$28.97");
    }

    @Test
    void withoutShipFromStoreOleanShipsOvernightAndTheStoreIsRuledOutByPolicy() {
        AllocationResult result = allocate(1, Policy.balanced().withShipFromStoreAllowed(false));

        Shipment parcel = result.plan().shipments().get(0);
        assertThat(result.plan().shipments()).hasSize(1);
        assertThat(parcel.nodeName()).isEqualTo("Olean DC");
        assertThat(parcel.service()).isEqualTo(Service.OVERNIGHT);
        assertThat(parcel.price()).isCloseTo(39.00, within(1e-9));
        assertThat(result.alternatives()).extracting(RejectedAlternative::describe).containsExactly(
                "Store 12 Manhattan: ship-from-store not allowed by the policy",
                "Brooklyn DC: lacks TSHIRT-BLK-M (1 of 2)");
    }

    @Test
    void neverSplitsEvenWhenBrooklynCouldShipPartOfIt() {
        for (int promise = 1; promise <= 5; promise++) {
            AllocationPlan plan = allocate(promise, Policy.balanced()).plan();
            assertThat(plan.shipments()).hasSize(1);
            assertThat(plan.shipments().get(0).nodeId()).isNotEqualTo("BKN");
        }
    }
}
