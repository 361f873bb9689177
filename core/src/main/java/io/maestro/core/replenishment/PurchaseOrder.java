package io.maestro.core.replenishment;

import java.time.OffsetDateTime;

/** A purchase order to the ERP for an approved proposal; {@code requestId} makes it idempotent at the ERP. */
public record PurchaseOrder(String requestId, String proposalId, String nodeId, String sku, long quantity,
                            PurchaseOrderStatus status, String receiptEventId, OffsetDateTime createdAt,
                            OffsetDateTime acknowledgedAt, OffsetDateTime receivedAt) {
}
