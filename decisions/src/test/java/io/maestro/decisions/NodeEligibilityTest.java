package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import org.junit.jupiter.api.Test;

/** DMN {@code node-eligibility}: which node types may serve an order; the process collects the list. */
class NodeEligibilityTest {

    private static final DecisionTable TABLE = new DecisionTable("node-eligibility");

    private static final Inputs ORDER = Inputs.of("channel", "WEB", "deliveryOption", "SHIP", "destinationRegion", "NY",
            "customerTier", "STANDARD");

    @Test
    void pickupIsServedByStoresOnly() {
        for (String option : new String[] {"BOPIS", "CURBSIDE"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("deliveryOption", option));

            assertThat(e.matchedRuleIds()).containsExactly("Rule_PickupAtStore");
            assertThat(e.<String>collect("eligibleNodeType")).containsExactly("STORE");
        }
    }

    @Test
    void remoteRegionsAreServedByDcsOnly() {
        for (String region : new String[] {"AK", "HI", "PR"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("destinationRegion", region));

            assertThat(e.matchedRuleIds()).containsExactly("Rule_RemoteRegionFromDc");
            assertThat(e.<String>collect("eligibleNodeType")).containsExactly("DC");
        }
    }

    @Test
    void webShipmentToMainlandMayComeFromDcThreePlStoreOrDropShipper() {
        Evaluation e = TABLE.evaluate(ORDER);

        assertThat(e.matchedRuleIds()).containsExactly("Rule_ShipFromDc", "Rule_ShipFromThreePl", "Rule_ShipFromStore",
                "Rule_WebDropship");
        assertThat(e.<String>collect("eligibleNodeType")).containsExactly("DC", "THREE_PL", "STORE", "DROPSHIPPER");
    }

    @Test
    void otherChannelsShipFromDcThreePlAndStoreButNotDropShippers() {
        for (String channel : new String[] {"MARKETPLACE", "POS", "SOCIAL"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("channel", channel));

            assertThat(e.matchedRuleIds()).containsExactly("Rule_ShipFromDc", "Rule_ShipFromThreePl", "Rule_ShipFromStore");
            assertThat(e.<String>collect("eligibleNodeType")).containsExactly("DC", "THREE_PL", "STORE");
        }
    }

    @Test
    void vipWebOrdersAreNotGivenToDropShippers() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP"));

        assertThat(e.<String>collect("eligibleNodeType")).containsExactly("DC", "THREE_PL", "STORE");
    }

    @Test
    void unknownDeliveryOptionHasNoEligibleNode() {
        Evaluation e = TABLE.evaluate(ORDER.with("deliveryOption", "DRONE"));

        assertThat(e.matchedRuleIds()).isEmpty();
    }
}
