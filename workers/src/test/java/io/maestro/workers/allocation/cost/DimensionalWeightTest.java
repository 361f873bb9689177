package io.maestro.workers.allocation.cost;

import static io.maestro.workers.allocation.Fixtures.atp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parcel bills the larger of its actual and its dimensional weight (volume ÷ the card's divisor, 5,000 cm³/kg on
 * the demo cards), in the estimate as at the carrier: a bulky light item is priced by its size.
 */
class DimensionalWeightTest {

    private static final CarrierModel MODEL = CarrierModel.demo();
    /** A pillow: 0.3 kg in a 50 × 40 × 30 cm box, 60,000 cm³ = 12 kg dimensional. */
    private static final double PILLOW_KG = 0.3;
    private static final double PILLOW_CM3 = 50 * 40 * 30;
    private static final Node BROOKLYN = Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232);

    private static double miles() {
        return BROOKLYN.location().milesTo(Fixtures.NEW_YORK_10001);
    }

    @Test
    void aBulkyLightItemBillsItsDimensionalWeight() {
        Order order = Order.ship("O-PILLOW", Fixtures.NEW_YORK_10001, 5, List.of(new OrderLine("PILLOW", 1,
                PILLOW_KG * CarrierRateCard.LB_PER_KG, PILLOW_CM3, false, false)));
        AllocationPlan plan = new AllocationEngine().allocate(new AllocationRequest(order, Policy.balanced(),
                List.of(BROOKLYN), atp("BKN:PILLOW=3"), CarrierRateCard.demo())).plan();

        Shipment parcel = plan.shipments().get(0);
        assertThat(parcel.carrier() + " " + parcel.service()).isEqualTo("THRIFT GROUND");
        // zone 1, 12 kg bills at the 20 kg break: 18.20 + residential 0.80 (by its actual weight: 6.50 + 0.80)
        assertThat(parcel.price()).isCloseTo(19.00, within(1e-9));
        assertThat(parcel.price()).isEqualTo(MODEL.quote("THRIFT", "GROUND",
                new CarrierParcel(miles(), PILLOW_KG, PILLOW_CM3, false, false, true)).orElseThrow().price());
    }

    @Test
    void theActualWeightBillsWhenItIsTheLargerOrTheVolumeIsUnknown() {
        RateCard thrift = CarrierRateCard.demo().stream().filter(c -> c.carrier().equals("THRIFT")).findFirst()
                .orElseThrow();
        RateCard.Lane ground = thrift.lane(Service.GROUND, miles());
        double heavyLb = 15 * CarrierRateCard.LB_PER_KG;
        assertThat(ground.price(heavyLb, PILLOW_CM3, 1)).as("15 kg actual over 12 kg dimensional: the 20 kg break")
                .isCloseTo(ground.price(heavyLb, 1), within(1e-9)).isCloseTo(19.00, within(1e-9));
        assertThat(ground.price(PILLOW_KG * CarrierRateCard.LB_PER_KG, 0, 1)).as("volume unknown")
                .isCloseTo(7.30, within(1e-9));
    }
}
