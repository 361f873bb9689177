package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every FIRST table ends with a catch-all, so no input is left undecided: combinations no specific rule covers,
 * values just outside a rule's bounds, values the table does not know and unset (null) inputs all get it.
 */
class CatchAllTest {

    @Test
    void fulfillmentPolicyFallsBackToBalanced() {
        assertCatchAll("fulfillment-policy", "Rule_BalancedDefaults",
                Inputs.of("channel", "SOCIAL", "customerTier", "PREMIUM", "preference", "BALANCED", "deliveryOption", "SHIP",
                        "destinationRegion", "CA", "shipComplete", false, "orderValue", 80.0),
                Inputs.of("channel", "POS", "customerTier", "STANDARD", "preference", "EXPRESS", "deliveryOption", "SHIP",
                        "destinationRegion", "AKX", "shipComplete", false, "orderValue", 15000.0),
                Inputs.of("channel", "MARKETPLACE", "customerTier", "STANDARD", "preference", "BALANCED",
                        "deliveryOption", "SHIP", "destinationRegion", "TX", "shipComplete", null, "orderValue", 10.0),
                nulls("channel", "customerTier", "preference", "deliveryOption", "destinationRegion", "shipComplete",
                        "orderValue"));
    }

    @Test
    void orderScreeningLetsTheOrderPass() {
        assertCatchAll("order-screening", "Rule_NoHold",
                Inputs.of("orderValue", 4999.99, "customerTier", "PREMIUM", "channel", "MARKETPLACE", "lineCount", 50,
                        "maxLineQuantity", 20, "addressMismatch", false),
                Inputs.of("orderValue", 19999.99, "customerTier", "VIP", "channel", "SOCIAL", "lineCount", 1,
                        "maxLineQuantity", 1, "addressMismatch", null),
                nulls("orderValue", "customerTier", "channel", "lineCount", "maxLineQuantity", "addressMismatch"));
    }

    @Test
    void carrierSelectionAllowsAnyCarrierAndService() {
        assertCatchAll("carrier-selection", "Rule_AnyGround",
                Inputs.of("promiseDays", 3, "hazmat", false, "oversize", true, "customerTier", "PREMIUM",
                        "serviceUpgrade", false),
                Inputs.of("promiseDays", 4, "hazmat", false, "oversize", false, "customerTier", "STANDARD",
                        "serviceUpgrade", false),
                Inputs.of("promiseDays", 1, "hazmat", false, "oversize", false, "customerTier", "GOLD",
                        "serviceUpgrade", null),
                nulls("promiseDays", "hazmat", "oversize", "customerTier", "serviceUpgrade"));
    }

    @Test
    void exceptionHandlingBackorders() {
        assertCatchAll("exception-handling", "Rule_BackorderAndRetry",
                Inputs.of("situation", "ALLOCATION_SHORT", "shipComplete", true, "fillRate", 0.0, "customerTier", "VIP",
                        "orderValue", 5000.0, "backorderAttempts", 2, "daysUntilPromise", 0),
                Inputs.of("situation", "ALLOCATION_SHORT", "shipComplete", false, "fillRate", 0.49, "customerTier", "PREMIUM",
                        "orderValue", 999.99, "backorderAttempts", 4, "daysUntilPromise", 2),
                Inputs.of("situation", "NODE_OFFLINE", "shipComplete", false, "fillRate", 0.9, "customerTier", "VIP",
                        "orderValue", 5000.0, "backorderAttempts", 6, "daysUntilPromise", 0),
                nulls("situation", "shipComplete", "fillRate", "customerTier", "orderValue", "backorderAttempts",
                        "daysUntilPromise"));
    }

    @Test
    void pickupExceptionBackordersAtTheStore() {
        assertCatchAll("pickup-exception", "Rule_BackorderAtStore",
                Inputs.of("situation", "STORE_SHORT", "transferPossible", false, "otherStoreNearby", false,
                        "customerTier", "VIP"),
                Inputs.of("situation", "STORE_REJECTED", "transferPossible", false, "otherStoreNearby", false,
                        "customerTier", "STANDARD"),
                Inputs.of("situation", "STORE_CLOSED", "transferPossible", true, "otherStoreNearby", true,
                        "customerTier", "STANDARD"),
                nulls("situation", "transferPossible", "otherStoreNearby", "customerTier"));
    }

    @Test
    void takeBackRefusedAsksTheStore() {
        assertCatchAll("take-back-refused", "Rule_OtherRefusal",
                Inputs.of("takeBackKind", "TRANSFER", "partnerStatus", 409, "situation", "STORE_SHORT"),
                Inputs.of("takeBackKind", "PICKUP", "partnerStatus", 400, "situation", "NO_SHOW"),
                nulls("takeBackKind", "partnerStatus", "situation"));
    }

    @Test
    void shipmentDelayRePromises() {
        assertCatchAll("shipment-delay", "Rule_RePromise",
                Inputs.of("delayDays", 2, "leftNode", false, "customerTier", "PREMIUM", "deliveryOption", "SHIP"),
                Inputs.of("delayDays", 7, "leftNode", true, "customerTier", "VIP", "deliveryOption", "SHIP"),
                Inputs.of("delayDays", 1, "leftNode", false, "customerTier", "VIP", "deliveryOption", "SHIP"),
                nulls("delayDays", "leftNode", "customerTier", "deliveryOption"));
    }

    @Test
    void returnDispositionSendsToReturnsCentre() {
        assertCatchAll("return-disposition", "Rule_ReturnsCentre",
                Inputs.of("condition", "RESELLABLE", "receivingNodeType", "DROPSHIPPER", "category", "SHOES",
                        "daysSincePurchase", 5),
                Inputs.of("condition", "OPENED", "receivingNodeType", "DC", "category", "TOPS", "daysSincePurchase", 5),
                nulls("condition", "receivingNodeType", "category", "daysSincePurchase"));
    }

    @Test
    void replenishmentPolicyHasAnAnalystReviewEveryProposal() {
        assertCatchAll("replenishment-policy", "Rule_CautiousDefault",
                Inputs.of("nodeType", "MICRO_FULFILMENT", "category", "TSHIRTS", "abcClass", "A"),
                Inputs.of("nodeType", "dc", "category", "ELECTRONICS", "abcClass", "A"),
                nulls("nodeType", "category", "abcClass"));
    }

    private static void assertCatchAll(String decisionId, String catchAllRuleId, Inputs... combinations) {
        DecisionTable table = new DecisionTable(decisionId);
        for (Inputs inputs : combinations) {
            assertThat(table.evaluate(inputs).ruleId()).as("%s with %s", decisionId, inputs.asMap()).isEqualTo(catchAllRuleId);
        }
    }

    private static Inputs nulls(String... names) {
        Inputs inputs = Inputs.of();
        for (String name : names) {
            inputs = inputs.with(name, null);
        }
        return inputs;
    }
}
