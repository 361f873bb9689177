package io.maestro.core.inventory;

/** One append-only change to a position, with its reason and the external event that caused it. */
public record LedgerEntry(
        String nodeId,
        String sku,
        LedgerEntryType type,
        long onHandDelta,
        long reservedDelta,
        long safetyStockDelta,
        String reason,
        String sourceEventId,
        String reservationId,
        String actor) {
}
