package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DMN {@code replenishment-policy}: how a SKU is replenished at a node — review period, lead time, service level,
 * minimum order quantity, pack size, and up to how many units a proposal is approved without an analyst.
 */
class ReplenishmentPolicyTest {

    private static final DecisionTable TABLE = new DecisionTable("replenishment-policy");

    /** A B-class t-shirt at a DC. */
    private static final Inputs ITEM = Inputs.of("nodeType", "DC", "category", "TSHIRTS", "abcClass", "B");

    @Test
    void dropshippersAreNotReplenished() {
        Evaluation e = TABLE.evaluate(ITEM.with("nodeType", "DROPSHIPPER").with("abcClass", "A"));

        assertThat(e.ruleId()).isEqualTo("Rule_DropshipperNotReplenished");
        assertThat(e.outputs()).isEqualTo(policy(false, 0, 0, 0.0, 0, 1, 0, "Dropshippers keep their own stock"));
    }

    @Test
    void electronicsAtADcComeFromTheOverseasSupplierInCartonsOfTen() {
        Evaluation e = TABLE.evaluate(ITEM.with("category", "ELECTRONICS").with("abcClass", "A"));

        assertThat(e.ruleId()).isEqualTo("Rule_ElectronicsAtDc");
        assertThat(e.outputs()).isEqualTo(policy(true, 14, 21, 0.95, 20, 10, 100,
                "Electronics: overseas supplier, 21 days, cartons of 10"));
    }

    @Test
    void aDcsFastMoversGetNinetyEightPercent() {
        Evaluation e = TABLE.evaluate(ITEM.with("abcClass", "A"));

        assertThat(e.ruleId()).isEqualTo("Rule_AClassAtDc");
        assertThat(e.outputs()).isEqualTo(policy(true, 7, 7, 0.98, 24, 12, 240,
                "A item at a DC: 98 % service, weekly, cases of 12"));
    }

    @Test
    void aDcsSlowMoversAreReviewedEveryTwoWeeksAtNinetyPercent() {
        Evaluation e = TABLE.evaluate(ITEM.with("abcClass", "C"));

        assertThat(e.ruleId()).isEqualTo("Rule_CClassAtDc");
        assertThat(e.outputs()).isEqualTo(policy(true, 14, 7, 0.90, 12, 12, 60,
                "C item at a DC: 90 % service, every two weeks"));
    }

    @Test
    void otherItemsAtADcComeWeeklyFromTheDomesticSupplier() {
        Evaluation e = TABLE.evaluate(ITEM);

        assertThat(e.ruleId()).isEqualTo("Rule_Dc");
        assertThat(e.outputs()).isEqualTo(policy(true, 7, 7, 0.95, 12, 12, 120,
                "DC: domestic supplier, 7 days, cases of 12"));
    }

    @Test
    void aThreePlReceivesThroughItsOwnDock() {
        Evaluation e = TABLE.evaluate(ITEM.with("nodeType", "THREE_PL").with("category", "ELECTRONICS"));

        assertThat(e.ruleId()).isEqualTo("Rule_ThreePl");
        assertThat(e.outputs()).isEqualTo(policy(true, 7, 10, 0.95, 12, 12, 60,
                "3PL: supplier through the 3PL dock, 10 days"));
    }

    @Test
    void aStoresFastMoversComeTwiceAWeek() {
        Evaluation e = TABLE.evaluate(ITEM.with("nodeType", "STORE").with("abcClass", "A"));

        assertThat(e.ruleId()).isEqualTo("Rule_AClassAtStore");
        assertThat(e.outputs()).isEqualTo(policy(true, 3, 2, 0.97, 1, 1, 24,
                "A item at a store: from a DC twice a week, 97 % service"));
    }

    @Test
    void aStoresOtherItemsComeWeekly() {
        Evaluation e = TABLE.evaluate(ITEM.with("nodeType", "STORE").with("category", "ELECTRONICS"));

        assertThat(e.ruleId()).isEqualTo("Rule_Store");
        assertThat(e.outputs()).isEqualTo(policy(true, 7, 2, 0.92, 1, 1, 12, "Store: from a DC weekly, 92 % service"));
    }

    @Test
    void aNodeNoRuleKnowsHasEveryProposalReviewed() {
        Evaluation e = TABLE.evaluate(ITEM.with("nodeType", "MICRO_FULFILMENT"));

        assertThat(e.ruleId()).isEqualTo("Rule_CautiousDefault");
        assertThat(e.outputs()).isEqualTo(policy(true, 7, 14, 0.90, 1, 1, 0,
                "No rule for this node: every proposal reviewed by an analyst"));
    }

    private static Map<String, Object> policy(boolean replenish, int reviewDays, int leadTimeDays, double serviceLevel,
            int minOrderQuantity, int packSize, int autoApproveUnits, String reason) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("replenish", replenish);
        outputs.put("reviewDays", reviewDays);
        outputs.put("leadTimeDays", leadTimeDays);
        outputs.put("serviceLevel", serviceLevel);
        outputs.put("minOrderQuantity", minOrderQuantity);
        outputs.put("packSize", packSize);
        outputs.put("autoApproveUnits", autoApproveUnits);
        outputs.put("reason", reason);
        return outputs;
    }
}
