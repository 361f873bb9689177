package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code carrier-selection}: carrier and service for a parcel; the process then buys the cheapest such rate. */
class CarrierSelectionTest {

    private static final DecisionTable TABLE = new DecisionTable("carrier-selection");

    /** A 2 kg parcel of ordinary goods to zone 4 for a standard customer, promised in 5 days. */
    private static final Inputs PARCEL = Inputs.of("weightKg", 2.0, "zone", 4, "promiseDays", 5, "hazmat", false,
            "customerTier", "STANDARD", "serviceUpgrade", false);

    @Test
    void hazmatGoesGroundWithALicensedCarrierEvenOvernightForVip() {
        Evaluation e = TABLE.evaluate(PARCEL.with("hazmat", true).with("promiseDays", 1).with("customerTier", "VIP"));

        assertThat(e.ruleId()).isEqualTo("Rule_HazmatLicensedGround");
        assertThat(e.outputs()).isEqualTo(choice("ANY", "GROUND", false,
                "Hazardous goods travel by ground with a licensed carrier"));
    }

    @Test
    void vipGetsFreeUpgradeToTwoDay() {
        Evaluation e = TABLE.evaluate(PARCEL.with("customerTier", "VIP").with("weightKg", 35.0));

        assertThat(e.ruleId()).isEqualTo("Rule_VipFreeUpgrade");
        assertThat(e.outputs()).isEqualTo(choice("ANY", "TWO_DAY", true, "VIP customers get two-day service at no charge"));
    }

    @Test
    void policyServiceUpgradeGivesFreeTwoDay() {
        Evaluation e = TABLE.evaluate(PARCEL.with("serviceUpgrade", true));

        assertThat(e.ruleId()).isEqualTo("Rule_PolicyServiceUpgrade");
        assertThat(e.outputs()).isEqualTo(choice("ANY", "TWO_DAY", true, "The fulfillment policy granted a service upgrade"));
    }

    @Test
    void anythingElseShipsCheapestGround() {
        Evaluation e = TABLE.evaluate(PARCEL);

        assertThat(e.ruleId()).isEqualTo("Rule_AnyGround");
        assertThat(e.outputs()).isEqualTo(choice("ANY", "GROUND", false, "Cheapest ground rate that meets the promise"));
    }

    private static Map<String, Object> choice(String carrier, String service, boolean freeUpgrade, String reason) {
        return Map.of("carrier", carrier, "service", service, "freeUpgrade", freeUpgrade, "reason", reason);
    }
}
