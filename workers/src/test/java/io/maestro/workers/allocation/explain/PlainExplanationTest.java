package io.maestro.workers.allocation.explain;

import static io.maestro.workers.allocation.Fixtures.atp;
import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person reads on the timeline about the seed order (see {@code SeedScenarioTest}) and its alternatives. */
class PlainExplanationTest {

    private static final String TSHIRT = "TSHIRT-BLK-M";
    private static final String MUG = "MUG-WHT";
    private static final Order TWO_LINES = Order.ship("W-1002", Fixtures.NEW_YORK_10001, 3,
            List.of(line(TSHIRT, 2), line(MUG, 1)));
    private static final List<Node> NODES = List.of(
            Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
            Fixtures.dc("OLN", "Olean DC", Fixtures.OLEAN_14760),
            Fixtures.store("S12", "Store 12 Manhattan", Fixtures.MANHATTAN_10011));
    private static final AtpSnapshot ATP = atp("BKN:" + TSHIRT + "=1", "OLN:" + TSHIRT + "=2", "S12:" + TSHIRT + "=2");

    private final AllocationEngine engine = new AllocationEngine();

    @Test
    void thePlanItsCostAndTheNodesThatLostInPlainWords() {
        AllocationResult result = engine.allocate(request(3));

        assertThat(result.explanation()).isEqualTo("Olean DC ships 2 × TSHIRT-BLK-M by THRIFT GROUND for $8.70, "
                + "arriving in 3 days (0.02 kg CO2e). This plan costs $12.00 under the order's policy (shipping $8.70, "
                + "handling $3.30), the least any plan could cost. Not chosen: Store 12 Manhattan: +$2.70: "
                + "handling +$4.10, shipping -$1.40; Brooklyn DC: lacks TSHIRT-BLK-M (1 of 2).");
        assertThat(result.explanation()).doesNotContain("B2", "proven");
    }

    @Test
    void theCarrierServicesTheParcelDidNotTakeAndWhy() {
        AllocationRequest request = request(3);
        Shipment parcel = engine.allocate(request).plan().shipments().get(0);

        assertThat(CarrierAlternatives.describe(request, parcel)).isEqualTo("THRIFT GROUND from Olean DC won over "
                + "GREENLINE GROUND $9.35 (+$0.65, 0.01 kg CO2e less); SWIFT GROUND $11.93 (+$3.23); "
                + "THRIFT TWO_DAY $17.50 (+$8.80, 0.01 kg CO2e more)");
    }

    @Test
    void aServiceLaterThanThePromiseSaysSo() {
        Order order = Order.ship("W-1001", Fixtures.NEW_YORK_10001, 1, List.of(line(TSHIRT, 2)));
        AllocationRequest request = Fixtures.request(order, Policy.balanced().withShipFromStoreAllowed(false), NODES, ATP);
        Shipment parcel = engine.allocate(request).plan().shipments().get(0);

        assertThat(CarrierAlternatives.describe(request, parcel)).isEqualTo("SWIFT OVERNIGHT from Olean DC won over "
                + "SWIFT GROUND $11.93 would arrive in 2 days, after the 1-day promise; "
                + "THRIFT GROUND $8.70 would arrive in 3 days, after the 1-day promise; "
                + "GREENLINE GROUND $9.35 would arrive in 3 days, after the 1-day promise");
    }

    @Test
    void whenOneParcelWonTheBestSplitSaysWhatItWouldHaveCostAndWhyItLost() {
        AllocationRequest request = request(3);
        AllocationPlan plan = engine.allocate(request).plan();

        assertThat(SplitOrWait.describe(request, plan)).isEqualTo("Best split: Brooklyn DC 1 × TSHIRT-BLK-M and "
                + "Olean DC 1 × TSHIRT-BLK-M, $23.80, the last parcel arriving in 3 days; it costs $11.80 more "
                + "(shipping +$7.30, handling +$2.50, split penalty +$2.00).");
    }

    @Test
    void whenTheOrderMayNotSplitNoSplitIsOffered() {
        Order order = Order.ship("W-1001", Fixtures.NEW_YORK_10001, 3, List.of(line(TSHIRT, 2)));
        AllocationRequest request = Fixtures.request(order, Policy.balanced().withSplit(false, 1), NODES, ATP);

        assertThat(SplitOrWait.describe(request, engine.allocate(request).plan())).isEmpty();
    }

    @Test
    void whenTheSplitWonWaitingToConsolidateSaysWhatItWouldHaveCostWhenItArrivesAndWhyItLost() {
        AllocationRequest request = Fixtures.request(TWO_LINES, Policy.balanced(), NODES,
                atp("BKN:" + TSHIRT + "=2", "OLN:" + MUG + "=1", "OLN:" + TSHIRT + "=1", "S12:" + MUG + "=1"));
        AllocationResult result = engine.allocate(request);

        assertThat(result.plan().shipments()).hasSize(2);
        assertThat(SplitOrWait.describe(request, result.plan())).isEqualTo("Waiting to ship it all in one parcel "
                + "from Brooklyn DC, which lacks 1 × MUG-WHT now: $111.30, arriving 2 days after the missing units "
                + "reach it; it costs $87.10 more (waiting for stock +$100.00, split penalty -$2.00, handling -$2.50, "
                + "shipping -$8.40).");
        assertThat(SplitOrWait.describe(request, result.plan())).doesNotContain("unfilled", "B2", "proven");
    }

    @Test
    void whenANodeHasEverythingButTheSplitWonOneParcelFromItSaysWhenItWouldArriveAndWhyItLost() {
        List<Node> nodes = List.of(Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
                Fixtures.store("S12", "Store 12 Manhattan", Fixtures.MANHATTAN_10011),
                Fixtures.dc("LAX", "Los Angeles DC", Fixtures.LOS_ANGELES));
        Order nextDay = Order.ship("W-1003", Fixtures.NEW_YORK_10001, 1, TWO_LINES.lines());
        AllocationRequest request = Fixtures.request(nextDay, Policy.balanced(), nodes,
                atp("BKN:" + TSHIRT + "=2", "S12:" + MUG + "=1", "LAX:" + TSHIRT + "=2", "LAX:" + MUG + "=1"));
        AllocationResult result = engine.allocate(request);

        assertThat(result.plan().shipments()).hasSize(2);
        assertThat(SplitOrWait.describe(request, result.plan())).isEqualTo("One parcel from Los Angeles DC: $63.24, "
                + "arriving in 1 day; it costs $31.68 more (shipping +$39.24, carbon +$0.24, split penalty -$2.00, "
                + "handling -$5.80).");
    }

    private static AllocationRequest request(int promiseDays) {
        Order order = Order.ship("W-1001", Fixtures.NEW_YORK_10001, promiseDays, List.of(line(TSHIRT, 2)));
        return Fixtures.request(order, Policy.balanced(), NODES, ATP);
    }
}
