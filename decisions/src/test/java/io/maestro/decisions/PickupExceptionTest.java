package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code pickup-exception}: what happens when a pickup store is short, rejects the pickup, or the customer does not come. */
class PickupExceptionTest {

    private static final DecisionTable TABLE = new DecisionTable("pickup-exception");

    /** The chosen store is short; no transfer in time, no other store near; a standard customer. */
    private static final Inputs SHORT = Inputs.of("situation", "STORE_SHORT", "transferPossible", false,
            "otherStoreNearby", false, "customerTier", "STANDARD");

    @Test
    void noShowIsCancelled() {
        Evaluation e = TABLE.evaluate(SHORT.with("situation", "NO_SHOW").with("customerTier", "VIP").with("transferPossible", true));

        assertThat(e.ruleId()).isEqualTo("Rule_NoShowCancel");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "CANCEL", "reason", "The customer did not collect the order in time"));
    }

    @Test
    void vipIsOfferedNearbyStoreBeforeATransfer() {
        Evaluation e = TABLE.evaluate(SHORT.with("customerTier", "VIP").with("otherStoreNearby", true).with("transferPossible", true));

        assertThat(e.ruleId()).isEqualTo("Rule_VipShortNearbyStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "OFFER_OTHER_STORE", "reason", "A nearby store has the goods today"));
    }

    @Test
    void shortStoreGetsTransferWhenItArrivesInTime() {
        Evaluation e = TABLE.evaluate(SHORT.with("transferPossible", true).with("otherStoreNearby", true));

        assertThat(e.ruleId()).isEqualTo("Rule_ShortTransfer");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "TRANSFER_TO_STORE",
                "reason", "Another node can send the stock to the store within the promise"));
    }

    @Test
    void shortStoreWithoutTransferOffersNearbyStore() {
        Evaluation e = TABLE.evaluate(SHORT.with("otherStoreNearby", true));

        assertThat(e.ruleId()).isEqualTo("Rule_ShortNearbyStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "OFFER_OTHER_STORE",
                "reason", "The store is short and no transfer arrives in time; a nearby store has it"));
    }

    @Test
    void rejectedPickupOffersNearbyStoreRatherThanRerouting() {
        Evaluation e = TABLE.evaluate(SHORT.with("situation", "STORE_REJECTED").with("otherStoreNearby", true)
                .with("transferPossible", true));

        assertThat(e.ruleId()).isEqualTo("Rule_RejectedNearbyStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "OFFER_OTHER_STORE",
                "reason", "The store cannot serve the pickup; a nearby store can"));
    }

    @Test
    void rejectedPickupWithoutNearbyStoreGetsTransfer() {
        Evaluation e = TABLE.evaluate(SHORT.with("situation", "STORE_REJECTED").with("transferPossible", true));

        assertThat(e.ruleId()).isEqualTo("Rule_RejectedTransfer");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "TRANSFER_TO_STORE",
                "reason", "The store rejected the pickup; another node sends it the stock"));
    }

    @Test
    void otherwiseTheOrderWaitsForStockAtTheStore() {
        Evaluation e = TABLE.evaluate(SHORT);

        assertThat(e.ruleId()).isEqualTo("Rule_BackorderAtStore");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "BACKORDER",
                "reason", "No store can hand the order over in time; it waits for stock"));
    }
}
