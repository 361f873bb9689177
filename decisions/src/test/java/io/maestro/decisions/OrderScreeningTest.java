package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code order-screening}: which orders an operator reviews before allocation, and why. */
class OrderScreeningTest {

    private static final DecisionTable TABLE = new DecisionTable("order-screening");

    /** An ordinary web order: 3 lines of at most 2 units, 240.00, address consistent. */
    private static final Inputs ORDER = Inputs.of("orderValue", 240.0, "customerTier", "STANDARD", "channel", "WEB",
            "lineCount", 3, "maxLineQuantity", 2, "addressMismatch", false);

    @Test
    void addressMismatchIsHeldEvenForVipInStore() {
        Evaluation e = TABLE.evaluate(ORDER.with("addressMismatch", true).with("customerTier", "VIP").with("channel", "POS"));

        assertThat(e.ruleId()).isEqualTo("Rule_AddressMismatchHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", true, "holdReason", "The ship-to state does not match the postal code"));
    }

    @Test
    void pointOfSaleOrderIsNotHeldWhateverItsValueOrQuantity() {
        Evaluation e = TABLE.evaluate(ORDER.with("channel", "POS").with("orderValue", 9000.0).with("maxLineQuantity", 40));

        assertThat(e.ruleId()).isEqualTo("Rule_PointOfSaleNoHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", false, "holdReason", "Paid in store with the customer present"));
    }

    @Test
    void vipOrderOfTwentyThousandIsHeld() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("orderValue", 20000.0));

        assertThat(e.ruleId()).isEqualTo("Rule_VipVeryHighValueHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", true, "holdReason", "Order value of 20,000 or more"));
    }

    @Test
    void nonVipOrderOfFiveThousandIsHeld() {
        for (String tier : new String[] {"STANDARD", "PREMIUM"}) {
            Evaluation e = TABLE.evaluate(ORDER.with("customerTier", tier).with("orderValue", 5000.0));

            assertThat(e.ruleId()).isEqualTo("Rule_VeryHighValueHold");
            assertThat(e.outputs()).isEqualTo(
                    Map.of("hold", true, "holdReason", "Order value of 5,000 or more from a customer who is not VIP"));
        }
    }

    @Test
    void moreThanTwentyUnitsOfOneItemIsHeld() {
        Evaluation e = TABLE.evaluate(ORDER.with("maxLineQuantity", 21));

        assertThat(e.ruleId()).isEqualTo("Rule_BulkQuantityHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", true, "holdReason", "More than 20 units of one item"));
    }

    @Test
    void moreThanFiftyLinesIsHeld() {
        Evaluation e = TABLE.evaluate(ORDER.with("lineCount", 51));

        assertThat(e.ruleId()).isEqualTo("Rule_LargeBasketHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", true, "holdReason", "More than 50 order lines"));
    }

    @Test
    void ordinaryOrderIsNotHeld() {
        Evaluation e = TABLE.evaluate(ORDER.with("customerTier", "VIP").with("orderValue", 19999.99).with("maxLineQuantity", 20)
                .with("lineCount", 50));

        assertThat(e.ruleId()).isEqualTo("Rule_NoHold");
        assertThat(e.outputs()).isEqualTo(Map.of("hold", false, "holdReason", "Passed screening"));
    }
}
