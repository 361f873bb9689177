package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code return-disposition}: what becomes of a returned item after inspection. */
class ReturnDispositionTest {

    private static final DecisionTable TABLE = new DecisionTable("return-disposition");

    /** A resellable t-shirt returned at a DC 10 days after purchase. */
    private static final Inputs RETURN = Inputs.of("condition", "RESELLABLE", "receivingNodeType", "DC", "category", "TSHIRTS",
            "daysSincePurchase", 10);

    @Test
    void wrongItemGoesToReturnsCentre() {
        Evaluation e = TABLE.evaluate(RETURN.with("condition", "WRONG_ITEM").with("category", "CARE"));

        assertThat(e.ruleId()).isEqualTo("Rule_WrongItemReturnsCentre");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RETURNS_CENTRE",
                "reason", "Not the item we sold; the returns centre identifies it"));
    }

    @Test
    void careProductIsWrittenOffEvenWhenResellable() {
        Evaluation e = TABLE.evaluate(RETURN.with("category", "CARE"));

        assertThat(e.ruleId()).isEqualTo("Rule_CareProductWriteOff");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "WRITE_OFF", "reason", "Care products cannot be resold once returned"));
    }

    @Test
    void damagedElectronicsGoBackToTheVendorThroughReturnsCentre() {
        Evaluation e = TABLE.evaluate(RETURN.with("condition", "DAMAGED").with("category", "ELECTRONICS"));

        assertThat(e.ruleId()).isEqualTo("Rule_DamagedElectronicsReturnsCentre");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RETURNS_CENTRE",
                "reason", "Damaged electronics go back to the vendor for credit"));
    }

    @Test
    void damagedIsWrittenOff() {
        Evaluation e = TABLE.evaluate(RETURN.with("condition", "DAMAGED").with("receivingNodeType", "STORE"));

        assertThat(e.ruleId()).isEqualTo("Rule_DamagedWriteOff");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "WRITE_OFF", "reason", "Damaged and not worth repairing"));
    }

    @Test
    void resellableAfterSixtyDaysIsGradedForTheOutlet() {
        Evaluation e = TABLE.evaluate(RETURN.with("daysSincePurchase", 61));

        assertThat(e.ruleId()).isEqualTo("Rule_LateReturnReturnsCentre");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RETURNS_CENTRE",
                "reason", "Returned after 60 days; graded for the outlet"));
    }

    @Test
    void resellableAtDcIsRestockedThere() {
        Evaluation e = TABLE.evaluate(RETURN.with("daysSincePurchase", 60));

        assertThat(e.ruleId()).isEqualTo("Rule_RestockAtDc");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RESTOCK", "reason", "Resellable; back on sale at the receiving DC"));
    }

    @Test
    void resellableInStoreIsRestockedOnItsShelf() {
        Evaluation e = TABLE.evaluate(RETURN.with("receivingNodeType", "STORE"));

        assertThat(e.ruleId()).isEqualTo("Rule_RestockAtStore");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RESTOCK",
                "reason", "Resellable; back on the shelf at the receiving store"));
    }

    @Test
    void resellableAtAPartnerGoesToReturnsCentre() {
        Evaluation e = TABLE.evaluate(RETURN.with("receivingNodeType", "THREE_PL"));

        assertThat(e.ruleId()).isEqualTo("Rule_ReturnsCentre");
        assertThat(e.outputs()).isEqualTo(Map.of("disposition", "RETURNS_CENTRE", "reason", "Sent to the returns centre for grading"));
    }
}
