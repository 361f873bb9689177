package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Preference;
import io.maestro.workers.allocation.model.Policy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationPoliciesTest {

    private final AllocationPolicies policies = new AllocationPolicies();

    @Test
    void balancedIsTheEnginesBalancedPolicy() {
        assertThat(policies.policyFor(order(Preference.BALANCED, CustomerTier.STANDARD, false))).isEqualTo(Policy.balanced());
    }

    @Test
    void fastestTriplesTheSpeedWeightAndTheLatenessPenalty() {
        Policy p = policies.policyFor(order(Preference.FASTEST, CustomerTier.STANDARD, false));
        assertThat(p.speedWeight()).isEqualTo(3);
        assertThat(p.latenessPenaltyPerDay()).isEqualTo(15.0);
    }

    @Test
    void cheapestHalvesSpeedAndCarbon() {
        Policy p = policies.policyFor(order(Preference.CHEAPEST, CustomerTier.STANDARD, false));
        assertThat(p.speedWeight()).isEqualTo(0.5);
        assertThat(p.carbonWeight()).isEqualTo(0.5);
    }

    @Test
    void greenPricesCarbonFiveTimesAndAllowsTwoParcels() {
        Policy p = policies.policyFor(order(Preference.GREEN, CustomerTier.STANDARD, false));
        assertThat(p.carbonWeight()).isEqualTo(3);
        assertThat(p.carbonPricePerKg()).isEqualTo(0.5);
        assertThat(p.maxShipments()).isEqualTo(2);
    }

    @Test
    void shipCompleteForbidsSplits() {
        Policy p = policies.policyFor(order(Preference.BALANCED, CustomerTier.STANDARD, true));
        assertThat(p.splitAllowed()).isFalse();
        assertThat(p.maxShipments()).isEqualTo(1);
    }

    @Test
    void promisesTwoDaysForFastestThreeForVipsFiveOtherwise() {
        assertThat(policies.promiseDays(order(Preference.FASTEST, CustomerTier.STANDARD, false))).isEqualTo(2);
        assertThat(policies.promiseDays(order(Preference.BALANCED, CustomerTier.VIP, false))).isEqualTo(3);
        assertThat(policies.promiseDays(order(Preference.BALANCED, CustomerTier.STANDARD, false))).isEqualTo(5);
    }

    @Test
    void whatTheProcessDecidedGoesOverTheDefaults() {
        Order order = order(Preference.BALANCED, CustomerTier.STANDARD, false);
        Map<String, Object> decided = Map.of("maxShipments", 1, "shipFromStoreAllowed", false, "carbonPricePerKg", 0.25,
                "promiseDays", 1, "unrelated", "ignored");

        Policy p = policies.policyFor(order, decided);

        assertThat(p.maxShipments()).isEqualTo(1);
        assertThat(p.shipFromStoreAllowed()).isFalse();
        assertThat(p.carbonPricePerKg()).isEqualTo(0.25);
        assertThat(p.costWeight()).isEqualTo(Policy.balanced().costWeight());
        assertThat(policies.promiseDays(order, decided)).isEqualTo(1);
        assertThatThrownBy(() -> policies.policyFor(order, Map.of("maxShipments", "two")))
                .hasMessageContaining("maxShipments");
    }

    private static Order order(Preference preference, CustomerTier tier, boolean shipComplete) {
        return new Order("ORD-1", "WEB", "W-1", new Customer("C-1", tier, null), null, 40.7, -74.0, DeliveryOption.SHIP,
                null, preference, shipComplete, OrderStatus.RECEIVED, BigDecimal.TEN, null, null,
                List.of(new OrderLine(1, "TSHIRT-BLK-M", 1, BigDecimal.TEN)), List.of());
    }
}
