package io.maestro.workers.allocation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Policy;
import org.junit.jupiter.api.Test;

/** One exact-value test per cost rule, under a policy whose weights are all different from 1. */
class CostRulesTest {

    private static final Policy POLICY = new Policy(2.0, 3.0, 0.5, 3, true, true, 0.20, 1.50, 4.00, 25.00);
    private static final Node DC = Node.of("DC1", "Olean DC", NodeType.DC, Fixtures.OLEAN_14760, 2.50, 0.40);
    private final CostRules rules = new CostRules(POLICY);

    @Test
    void carrierPriceIsThePriceTimesTheCostWeight() {
        assertThat(rules.carrierPrice(10.25)).isCloseTo(20.50, within(1e-9));
    }

    @Test
    void handlingPerShipmentIsTheNodesParcelRateTimesTheCostWeight() {
        assertThat(rules.handlingPerShipment(DC)).isCloseTo(5.00, within(1e-9));
    }

    @Test
    void handlingPerUnitIsTheNodesUnitRateTimesUnitsTimesTheCostWeight() {
        assertThat(rules.handlingPerUnit(DC, 3)).isCloseTo(2.40, within(1e-9));
    }

    @Test
    void splitPenaltyIsChargedForEveryParcelBeyondTheFirst() {
        assertThat(rules.splitPenalty(0)).isZero();
        assertThat(rules.splitPenalty(1)).isZero();
        assertThat(rules.splitPenalty(3)).isCloseTo(6.00, within(1e-9));
    }

    @Test
    void latenessPenaltyIsChargedPerDayAfterThePromiseTimesTheSpeedWeight() {
        assertThat(rules.latenessPenalty(3, 3)).isZero();
        assertThat(rules.latenessPenalty(2, 3)).isZero();
        assertThat(rules.latenessPenalty(5, 3)).isCloseTo(24.00, within(1e-9));
    }

    @Test
    void carbonCostIsTheCarbonPriceTimesKgTimesTheCarbonWeight() {
        assertThat(rules.carbonCost(2.5)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void unfilledPenaltyIsChargedPerUnfilledUnit() {
        assertThat(rules.unfilledPenalty(2)).isCloseTo(50.00, within(1e-9));
    }
}
