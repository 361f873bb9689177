package io.maestro.core.inventory;

/**
 * A change of stock reported by the outside world. Exactly one of {@code delta} (received +, lost −)
 * and {@code setOnHand} (counted), and/or {@code setSafetyStock}. The event id makes it idempotent.
 */
public record Adjustment(String eventId, String nodeId, String sku, Long delta, Long setOnHand, Long setSafetyStock,
                         String reason) {
}
