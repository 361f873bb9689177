package io.maestro.core.inventory;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;

/**
 * A change of stock reported by the outside world. Exactly one of {@code delta} (received +, lost −)
 * and {@code setOnHand} (counted), and/or {@code setSafetyStock}. The event id makes it idempotent.
 */
public record Adjustment(String eventId, String nodeId, String sku, Long delta, Long setOnHand, Long setSafetyStock,
                         String reason) {

    /**
     * What the adjustment changes (node, SKU, delta, setOnHand, setSafetyStock) for comparing a repeated event id;
     * the reason is a note and not part of it.
     */
    public String contentHash() {
        return ContentHash.of(nodeId, sku, delta, setOnHand, setSafetyStock);
    }

    /** The refusal of this event id sent again for another change. */
    IdempotencyConflictException reusedForOtherChange() {
        return new IdempotencyConflictException("eventId", "eventId " + eventId + " was already used for a different adjustment");
    }
}
