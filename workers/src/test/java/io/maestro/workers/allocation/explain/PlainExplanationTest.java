package io.maestro.workers.allocation.explain;

import static io.maestro.workers.allocation.Fixtures.atp;
import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person reads on the timeline about the seed order (see {@link SeedScenarioTest}). */
class PlainExplanationTest {

    private static final String TSHIRT = "TSHIRT-BLK-M";
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

    private static AllocationRequest request(int promiseDays) {
        Order order = Order.ship("W-1001", Fixtures.NEW_YORK_10001, promiseDays, List.of(line(TSHIRT, 2)));
        return Fixtures.request(order, Policy.balanced(), NODES, ATP);
    }
}
