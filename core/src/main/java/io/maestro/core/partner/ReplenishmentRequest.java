package io.maestro.core.partner;

/** A purchase request to the ERP for stock a node needs; {@code requestId} makes it idempotent at the ERP. */
public record ReplenishmentRequest(String requestId, String nodeId, String sku, long quantity, String reason) {
}
