package io.maestro.workers.allocation.cost;

import static io.maestro.workers.allocation.Fixtures.atp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.ServiceLevel;
import io.maestro.core.carrier.ShippingTerms;
import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Goods;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A parcel is priced on the carrier terms of the goods it carries, not the order's: a mixed order split across two
 * nodes pays the hazmat surcharge and goes licensed ground only on the parcel that carries the hazardous unit.
 */
class ParcelGoodsTest {

    private static final CarrierModel MODEL = CarrierModel.demo();
    /** What the shipped carrier-selection answers for hazardous goods: a licensed carrier, by ground. */
    private static final CarrierConstraint LICENSED_GROUND = new CarrierConstraint(Set.of(), true, ServiceLevel.GROUND,
            ServiceLevel.GROUND, false, "hazardous goods: licensed carrier, ground only");
    private static final List<RateCard> ORDINARY = CarrierRateCard.of(MODEL, ShippingTerms.UNCONSTRAINED);
    private static final List<RateCard> HAZARDOUS = CarrierRateCard.of(MODEL,
            new ShippingTerms(true, false, true, LICENSED_GROUND));
    private static final double SOLVENT_LB = 2.2;
    private static final double SHIRT_LB = 0.4;

    private static final Node OLEAN = Fixtures.dc("OLN", "Olean DC", Fixtures.OLEAN_14760);
    private static final Node BROOKLYN = Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232);

    private static AllocationRequest mixedOrderSplitAcrossTwoNodes() {
        Order order = Order.ship("O-MIXED", Fixtures.NEW_YORK_10001, 5, List.of(
                new OrderLine("SOLVENT", 1, SOLVENT_LB, 0, true, false), new OrderLine("TSHIRT", 1, SHIRT_LB)));
        return new AllocationRequest(order, Policy.balanced(), List.of(OLEAN, BROOKLYN),
                atp("OLN:SOLVENT=5", "BKN:TSHIRT=5"), HAZARDOUS,
                Map.of(Goods.ORDINARY, ORDINARY, Goods.HAZMAT, HAZARDOUS));
    }

    private static Shipment from(AllocationPlan plan, String node) {
        return plan.shipments().stream().filter(s -> s.nodeId().equals(node)).findFirst().orElseThrow();
    }

    private static double miles(Node node) {
        return node.location().milesTo(Fixtures.NEW_YORK_10001);
    }

    @Test
    void onlyTheParcelCarryingTheHazardousUnitPaysTheSurchargeAndGoesLicensedGround() {
        AllocationPlan plan = new AllocationEngine().allocate(mixedOrderSplitAcrossTwoNodes()).plan();

        Shipment hazardous = from(plan, "OLN");
        assertThat(hazardous.carrier()).isEqualTo("THRIFT");
        assertThat(hazardous.service()).isEqualTo(Service.GROUND);
        // zone 3 (about 250 mi), 1 kg break: 8.20 + residential 0.80 + hazmat 6.00
        assertThat(hazardous.price()).isCloseTo(15.00, within(1e-9));
        assertThat(hazardous.price()).isEqualTo(MODEL.quote("THRIFT", "GROUND", CarrierParcel.toHome(
                miles(OLEAN), SOLVENT_LB / CarrierRateCard.LB_PER_KG, true, false)).orElseThrow().price());

        Shipment ordinary = from(plan, "BKN");
        assertThat(ordinary.carrier()).isEqualTo("THRIFT");
        assertThat(ordinary.service()).isEqualTo(Service.GROUND);
        // zone 1, 0.5 kg break: 6.50 + residential 0.80, no hazmat surcharge (priced on the order's terms: 13.30)
        assertThat(ordinary.price()).isCloseTo(7.30, within(1e-9));
        assertThat(ordinary.price()).isEqualTo(MODEL.quote("THRIFT", "GROUND", CarrierParcel.toHome(
                miles(BROOKLYN), SHIRT_LB / CarrierRateCard.LB_PER_KG, false, false)).orElseThrow().price());
    }

    @Test
    void aParcelHoldingBothIsHazardous() {
        AllocationRequest request = mixedOrderSplitAcrossTwoNodes();
        AllocationRequest bothAtOlean = request.on(request.nodes(), atp("OLN:SOLVENT=5", "OLN:TSHIRT=5"));

        Shipment parcel = new AllocationEngine().allocate(bothAtOlean).plan().shipments().get(0);

        assertThat(parcel.carrier()).isEqualTo("THRIFT");
        assertThat(parcel.price()).isEqualTo(MODEL.quote("THRIFT", "GROUND", CarrierParcel.toHome(miles(OLEAN),
                (SOLVENT_LB + SHIRT_LB) / CarrierRateCard.LB_PER_KG, true, false)).orElseThrow().price());
    }

    @Test
    void theFloorsTheSearchAndTheWaveModelPruneByHoldForParcelsOfEitherGoods() {
        var p = io.maestro.workers.allocation.problem.AllocationProblem.of(mixedOrderSplitAcrossTwoNodes());
        for (int n = 0; n < p.nodeCount(); n++) {
            for (int goods : new int[] {Goods.ORDINARY, Goods.HAZMAT}) {
                double parcel = p.coster.cost(n, SHIRT_LB, 0, 1, goods);
                assertThat(p.coster.linearFixed(n) + p.coster.linearPerUnit(n, SHIRT_LB))
                        .isLessThanOrEqualTo(parcel + 1e-9);
                assertThat(p.coster.floor(n, SHIRT_LB, 1)).isLessThanOrEqualTo(parcel);
            }
            assertThat(p.coster.cost(n, SHIRT_LB, 0, 1, Goods.HAZMAT))
                    .isGreaterThan(p.coster.cost(n, SHIRT_LB, 0, 1, Goods.ORDINARY));
        }
    }
}
