package io.maestro.processes.replenishment;

import java.math.BigDecimal;

/**
 * Move {@code units} of a SKU from a node whose stock is far above its order-up-to level to one below it: the
 * position and level at both ends (cover in days of forecast demand; null without demand), the cheapest carrier
 * service for the parcel between them from the carrier model, and the expected saving — lost sales avoided at the
 * destination less sales lost at the source over each one's cover days, at the SKU's average selling price (null
 * when it never sold) — against that cost.
 */
public record TransferSuggestion(String sku, String fromNodeId, String toNodeId, long units, long fromAvailable,
                                 long fromLevel, Double fromCoverDays, long toAvailable, long toOnOrder, long toLevel,
                                 Double toCoverDays, String carrier, String service, BigDecimal transferCost,
                                 double expectedUnitsSaved, BigDecimal unitValue, BigDecimal expectedSaving,
                                 boolean worthwhile) {
}
