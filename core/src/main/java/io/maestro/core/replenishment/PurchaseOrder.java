package io.maestro.core.replenishment;

import java.time.OffsetDateTime;

/**
 * A purchase order to the ERP for an approved proposal; {@code requestId} makes it idempotent at the ERP.
 * {@code received}: units received so far; {@code receiptEventId}: the last receipt's event.
 */
public record PurchaseOrder(String requestId, String proposalId, String nodeId, String sku, long quantity,
                            long received, PurchaseOrderStatus status, String receiptEventId, OffsetDateTime createdAt,
                            OffsetDateTime acknowledgedAt, OffsetDateTime receivedAt) {

    /** Units still coming: ordered and not received, while the order is open. */
    public long onOrder() {
        return status.open() ? Math.max(0, quantity - received) : 0;
    }
}
