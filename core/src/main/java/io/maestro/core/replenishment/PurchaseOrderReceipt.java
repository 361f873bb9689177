package io.maestro.core.replenishment;

/**
 * The ERP's confirmation that a purchase order's goods arrived at its node: {@code eventId} makes it idempotent,
 * {@code quantity} is what was received (it may differ from what was ordered).
 */
public record PurchaseOrderReceipt(String eventId, String requestId, Long quantity) {
}
