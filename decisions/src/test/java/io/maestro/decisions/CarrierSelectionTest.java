package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DMN {@code carrier-selection}: which carriers and services may carry a parcel. The optimiser prices the parcel with
 * the cheapest service the answer allows and the label step buys among the same (workers' CarrierSelectionDecision).
 */
class CarrierSelectionTest {

    private static final DecisionTable TABLE = new DecisionTable("carrier-selection");

    /** A parcel of ordinary goods for a standard customer, promised in 5 days. */
    private static final Inputs PARCEL = Inputs.of("promiseDays", 5, "hazmat", false, "oversize", false,
            "customerTier", "STANDARD", "serviceUpgrade", false);

    @Test
    void hazmatGoesGroundWithALicensedCarrierEvenOvernightForVip() {
        Evaluation e = TABLE.evaluate(PARCEL.with("hazmat", true).with("promiseDays", 1).with("customerTier", "VIP")
                .with("serviceUpgrade", true));

        assertThat(e.ruleId()).isEqualTo("Rule_HazmatLicensedGround");
        assertThat(e.outputs()).isEqualTo(answer("GROUND", "GROUND", true, false,
                "Hazardous goods travel by ground with a licensed carrier"));
    }

    @Test
    void vipGetsFreeUpgradeToTwoDayOrFaster() {
        Evaluation e = TABLE.evaluate(PARCEL.with("customerTier", "VIP").with("oversize", true));

        assertThat(e.ruleId()).isEqualTo("Rule_VipFreeUpgrade");
        assertThat(e.outputs()).isEqualTo(answer("TWO_DAY", "OVERNIGHT", false, true,
                "VIP customers get two-day service at no charge"));
    }

    @Test
    void policyServiceUpgradeGivesFreeTwoDayOrFaster() {
        Evaluation e = TABLE.evaluate(PARCEL.with("serviceUpgrade", true));

        assertThat(e.ruleId()).isEqualTo("Rule_PolicyServiceUpgrade");
        assertThat(e.outputs()).isEqualTo(answer("TWO_DAY", "OVERNIGHT", false, true,
                "The fulfillment policy granted a service upgrade"));
    }

    @Test
    void anythingElseMayTakeAnyCarrierAndService() {
        Evaluation e = TABLE.evaluate(PARCEL);

        assertThat(e.ruleId()).isEqualTo("Rule_AnyGround");
        assertThat(e.outputs()).isEqualTo(answer("GROUND", "OVERNIGHT", false, false,
                "Cheapest rate that meets the promise"));
    }

    private static Map<String, Object> answer(String slowest, String fastest, boolean licence, boolean freeUpgrade,
                                              String reason) {
        return Map.of("carrier", "ANY", "service", slowest, "maxService", fastest, "licenceRequired", licence,
                "freeUpgrade", freeUpgrade, "reason", reason);
    }
}
