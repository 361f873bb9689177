package io.maestro.core.inventory;

/** The position after an adjustment; {@code duplicate} when the event id had been applied before and nothing changed. */
public record AdjustmentResult(String eventId, boolean duplicate, InventoryPosition position) {
}
