package io.maestro.workers.allocation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.Goods;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The carrier-price rule: a parcel takes the cheapest service that meets the promise. */
class ServiceChoiceTest {

    private static final Policy POLICY = new Policy(1, 1, 0, 3, true, true, 0, 0, 5.00, 30);

    private ShipmentCoster.Costing parcelFromOlean(int daysToShip, int promiseDays) {
        Node olean = new Node("OLN", "Olean DC", NodeType.DC, Fixtures.OLEAN_14760, 2.50, 0.40, daysToShip,
                Node.UNLIMITED, Node.UNLIMITED, false);
        Order order = Order.ship("O-1", Fixtures.NEW_YORK_10001, promiseDays, List.of(Fixtures.line("TSHIRT-BLK-M", 2)));
        double miles = olean.location().milesTo(order.shipTo());
        ShipmentCoster coster = new ShipmentCoster(new CostRules(POLICY), new Node[] {olean}, new double[] {miles},
                order, CarrierRateCard.demo());
        return coster.costing(0, 0.8, 0, 2, Goods.ORDINARY);
    }

    @Test
    void groundWhenGroundMeetsThePromise() {
        ShipmentCoster.Costing costing = parcelFromOlean(0, 3);
        assertThat(costing.quote().service()).isEqualTo(Service.GROUND);
        assertThat(costing.quote().carrier()).isEqualTo("THRIFT");
        assertThat(costing.breakdown().carrier()).isCloseTo(8.70, within(1e-9));
        assertThat(costing.etaDays()).isEqualTo(3);
    }

    @Test
    void theCheapestServiceThatMeetsThePromiseEvenWhenALateOneWouldCostLess() {
        ShipmentCoster.Costing costing = parcelFromOlean(0, 1);
        assertThat(costing.quote().service()).isEqualTo(Service.OVERNIGHT);
        assertThat(costing.breakdown().carrier()).isCloseTo(39.00, within(1e-9));
        assertThat(costing.breakdown().lateness()).isZero();
    }

    @Test
    void whenNoServiceMeetsThePromiseTheCheapestCountingLateness() {
        ShipmentCoster.Costing costing = parcelFromOlean(1, 1);
        assertThat(costing.quote().service()).isEqualTo(Service.GROUND);
        assertThat(costing.etaDays()).isEqualTo(3);
        assertThat(costing.breakdown().lateness()).isCloseTo(10.00, within(1e-9));
        assertThat(costing.total()).isCloseTo(11.93 + 2.50 + 0.80 + 10.00, within(1e-9));
    }
}
