package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code exception-handling}: what happens to an order that cannot be allocated in full. */
class ExceptionHandlingTest {

    private static final DecisionTable TABLE = new DecisionTable("exception-handling");

    /** A first shortage of a standard 150.00 order, nothing available, promise 4 days away. */
    private static final Inputs SHORTAGE = Inputs.of("situation", "ALLOCATION_SHORT", "shipComplete", false, "fillRate", 0.0,
            "customerTier", "STANDARD", "orderValue", 150.0, "backorderAttempts", 0, "daysUntilPromise", 4);

    @Test
    void vipStillShortAfterThreeBackordersIsEscalated() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("customerTier", "VIP").with("backorderAttempts", 5));

        assertThat(e.ruleId()).isEqualTo("Rule_EscalateVipLongWait");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "ESCALATE", "reason", "A VIP order is still short after 3 backorders"));
    }

    @Test
    void highValueOrderStillShortAfterThreeBackordersIsEscalated() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("orderValue", 1000.0).with("backorderAttempts", 3));

        assertThat(e.ruleId()).isEqualTo("Rule_EscalateHighValueLongWait");
        assertThat(e.outputs()).isEqualTo(
                Map.of("action", "ESCALATE", "reason", "An order of 1,000 or more is still short after 3 backorders"));
    }

    @Test
    void orderStillShortAfterFiveBackordersIsCancelled() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("backorderAttempts", 5).with("fillRate", 0.8));

        assertThat(e.ruleId()).isEqualTo("Rule_CancelAfterFiveBackorders");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "CANCEL", "reason", "Still short after 5 backorders"));
    }

    @Test
    void shipCompleteWithPartStockWaitsToConsolidate() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("shipComplete", true).with("fillRate", 0.9).with("daysUntilPromise", 0));

        assertThat(e.ruleId()).isEqualTo("Rule_WaitToConsolidate");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "WAIT_TO_CONSOLIDATE",
                "reason", "The customer asked for one parcel and part of the order is available"));
    }

    @Test
    void halfOrMoreAvailableShipsPartially() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("fillRate", 0.5));

        assertThat(e.ruleId()).isEqualTo("Rule_PartialShipMostAvailable");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "PARTIAL_SHIP", "reason", "At least half of the units are available"));
    }

    @Test
    void promiseDueShipsWhateverIsAvailable() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("fillRate", 0.2).with("daysUntilPromise", 1));

        assertThat(e.ruleId()).isEqualTo("Rule_PartialShipPromiseDue");
        assertThat(e.outputs()).isEqualTo(
                Map.of("action", "PARTIAL_SHIP", "reason", "The promise is due and part of the order is available"));
    }

    @Test
    void otherwiseTheOrderIsBackordered() {
        Evaluation e = TABLE.evaluate(SHORTAGE.with("fillRate", 0.4).with("backorderAttempts", 2));

        assertThat(e.ruleId()).isEqualTo("Rule_BackorderAndRetry");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "BACKORDER", "reason", "Wait for stock and allocate again"));
    }
}
