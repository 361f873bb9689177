package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DMN {@code fulfillment-policy}: the weights, limits and promise an order is allocated under. The per-preference
 * defaults are the numbers of the workers' {@code AllocationPolicies} and {@code Policy.balanced()}.
 */
class FulfillmentPolicyTest {

    private static final DecisionTable TABLE = new DecisionTable("fulfillment-policy");

    /** A standard web order shipped to New York, balanced, splits allowed. */
    private static final Inputs ORDER = Inputs.of("channel", "WEB", "customerTier", "STANDARD", "preference", "BALANCED",
            "deliveryOption", "SHIP", "destinationRegion", "NY", "shipComplete", false, "orderValue", 120.0);

    @Test
    void pickupIsReadyNextDayInOneHandover() {
        for (String option : new String[] {"BOPIS", "CURBSIDE"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("deliveryOption", option).with("preference", "FASTEST")
                    .with("customerTier", "VIP"));

            assertThat(e.ruleId()).isEqualTo("Rule_PickupNextDay");
            assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 1, false, true, 0.10, 1, false, true));
        }
    }

    @Test
    void remoteRegionsGetSevenDaysAndNoShipFromStore() {
        for (String region : new String[] {"AK", "HI", "PR"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("destinationRegion", region).with("customerTier", "VIP"));

            assertThat(e.ruleId()).isEqualTo("Rule_RemoteRegionPromise");
            assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 3, true, false, 0.10, 7, false, false));
        }
    }

    @Test
    void marketplaceOrdersPromiseTheMarketplaceSla() {
        Evaluation e = TABLE.evaluate(ORDER.with("channel", "MARKETPLACE"));

        assertThat(e.ruleId()).isEqualTo("Rule_MarketplaceSla");
        assertThat(e.outputs()).isEqualTo(policy(1, 2, 1, 3, true, true, 0.10, 4, false, false));
    }

    @Test
    void vipWhoAskedForOneParcelKeepsPromiseAndUpgrade() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("shipComplete", true).with("preference", "GREEN"));

        assertThat(e.ruleId()).isEqualTo("Rule_VipShipComplete");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 1, false, true, 0.10, 3, true, true));
    }

    @Test
    void vipFastestGetsTwoDaysAndUpgrade() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("preference", "FASTEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_VipFastest");
        assertThat(e.outputs()).isEqualTo(policy(1, 3, 1, 3, true, true, 0.10, 2, true, false));
    }

    @Test
    void vipCheapestKeepsCheapestWeightsWithThreeDaysAndUpgrade() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("preference", "CHEAPEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_VipCheapest");
        assertThat(e.outputs()).isEqualTo(policy(1, 0.5, 0.5, 3, true, true, 0.10, 3, true, false));
    }

    @Test
    void vipGreenKeepsGreenWeightsWithThreeDaysAndUpgrade() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("preference", "GREEN"));

        assertThat(e.ruleId()).isEqualTo("Rule_VipGreen");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 3, 2, true, true, 0.50, 3, true, false));
    }

    @Test
    void vipGetsThreeDayPromiseAndUpgrade() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP"));

        assertThat(e.ruleId()).isEqualTo("Rule_VipPromise");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 3, true, true, 0.10, 3, true, false));
    }

    @Test
    void shipCompleteFastestShipsOnceWithTwoDayPromise() {
        Evaluation e = TABLE.evaluate(ORDER.with("shipComplete", true).with("preference", "FASTEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_ShipCompleteFastest");
        assertThat(e.outputs()).isEqualTo(policy(1, 3, 1, 1, false, true, 0.10, 2, false, true));
    }

    @Test
    void shipCompleteCheapestShipsOnceWithCheapestWeights() {
        Evaluation e = TABLE.evaluate(ORDER.with("shipComplete", true).with("preference", "CHEAPEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_ShipCompleteCheapest");
        assertThat(e.outputs()).isEqualTo(policy(1, 0.5, 0.5, 1, false, true, 0.10, 5, false, true));
    }

    @Test
    void shipCompleteGreenShipsOnceWithGreenWeights() {
        Evaluation e = TABLE.evaluate(ORDER.with("shipComplete", true).with("preference", "GREEN"));

        assertThat(e.ruleId()).isEqualTo("Rule_ShipCompleteGreen");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 3, 1, false, true, 0.50, 5, false, true));
    }

    @Test
    void shipCompleteNeverSplitsAndConsolidates() {
        Evaluation e = TABLE.evaluate(ORDER.with("shipComplete", true));

        assertThat(e.ruleId()).isEqualTo("Rule_ShipComplete");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 1, false, true, 0.10, 5, false, true));
    }

    @Test
    void marketplaceOrderAskingForOneParcelIsShipComplete() {
        Evaluation e = TABLE.evaluate(ORDER.with("channel", "MARKETPLACE").with("shipComplete", true));

        assertThat(e.ruleId()).isEqualTo("Rule_ShipComplete");
    }

    @Test
    void fastestWeighsSpeedTripleWithTwoDayPromise() {
        Evaluation e = TABLE.evaluate(ORDER.with("preference", "FASTEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_FastestDefaults");
        assertThat(e.outputs()).isEqualTo(policy(1, 3, 1, 3, true, true, 0.10, 2, false, false));
    }

    @Test
    void cheapestWeighsSpeedAndCarbonAtHalf() {
        Evaluation e = TABLE.evaluate(ORDER.with("preference", "CHEAPEST"));

        assertThat(e.ruleId()).isEqualTo("Rule_CheapestDefaults");
        assertThat(e.outputs()).isEqualTo(policy(1, 0.5, 0.5, 3, true, true, 0.10, 5, false, false));
    }

    @Test
    void greenWeighsCarbonTripleAtFiveTimesThePriceInTwoParcels() {
        Evaluation e = TABLE.evaluate(ORDER.with("preference", "GREEN"));

        assertThat(e.ruleId()).isEqualTo("Rule_GreenDefaults");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 3, 2, true, true, 0.50, 5, false, false));
    }

    @Test
    void balancedIsTheDefaultPolicy() {
        Evaluation e = TABLE.evaluate(ORDER);

        assertThat(e.ruleId()).isEqualTo("Rule_BalancedDefaults");
        assertThat(e.outputs()).isEqualTo(policy(1, 1, 1, 3, true, true, 0.10, 5, false, false));
    }

    private static Map<String, Object> policy(double costWeight, double speedWeight, double carbonWeight, int maxShipments,
            boolean splitAllowed, boolean shipFromStoreAllowed, double carbonPricePerKg, int promiseDays,
            boolean serviceUpgrade, boolean consolidate) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("costWeight", costWeight);
        outputs.put("speedWeight", speedWeight);
        outputs.put("carbonWeight", carbonWeight);
        outputs.put("maxShipments", maxShipments);
        outputs.put("splitAllowed", splitAllowed);
        outputs.put("shipFromStoreAllowed", shipFromStoreAllowed);
        outputs.put("carbonPricePerKg", carbonPricePerKg);
        outputs.put("promiseDays", promiseDays);
        outputs.put("serviceUpgrade", serviceUpgrade);
        outputs.put("consolidate", consolidate);
        return outputs;
    }
}
