package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code take-back-refused}: what a node's refusal to take goods back (a pickup, a transfer) means. */
class TakeBackRefusedTest {

    private static final DecisionTable TABLE = new DecisionTable("take-back-refused");

    /** The store refused to take back a pickup after a no-show: "has left the store". */
    private static final Inputs LEFT_AFTER_NO_SHOW = Inputs.of("takeBackKind", "PICKUP", "partnerStatus", 409,
            "situation", "NO_SHOW");

    @Test
    void aNodeHoldingNothingHasNothingToTakeBack() {
        Evaluation e = TABLE.evaluate(LEFT_AFTER_NO_SHOW.with("partnerStatus", 404));

        assertThat(e.ruleId()).isEqualTo("Rule_NothingHeld");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "NOTHING_HELD",
                "reason", "The node holds nothing for the order: nothing to take back"));
    }

    @Test
    void aNoShowPickupTheStoreSaysHasLeftIsCheckedByAnAssociate() {
        Evaluation e = TABLE.evaluate(LEFT_AFTER_NO_SHOW);

        assertThat(e.ruleId()).isEqualTo("Rule_NoShowLeftStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "STORE_TASK",
                "reason", "The store says the order left, but no pickup was recorded: an associate checks the shelf"));
    }

    @Test
    void aPickupThatLeftTheStoreInAnyOtherSituationWasHandedOver() {
        Evaluation e = TABLE.evaluate(LEFT_AFTER_NO_SHOW.with("situation", "STORE_REJECTED"));

        assertThat(e.ruleId()).isEqualTo("Rule_PickupLeftStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "HANDED_OVER",
                "reason", "The store handed the order over: it is recorded as picked up"));
    }

    @Test
    void aTransferThatLeftItsSourceIsCheckedByTheStore() {
        Evaluation e = TABLE.evaluate(LEFT_AFTER_NO_SHOW.with("takeBackKind", "TRANSFER").with("situation",
                "STORE_SHORT"));

        assertThat(e.ruleId()).isEqualTo("Rule_OtherRefusal");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "STORE_TASK",
                "reason", "The node refused to take the goods back: the store checks where they are"));
    }
}
