package io.maestro.core.transfer;

import java.time.OffsetDateTime;

/**
 * Units of a SKU moved from one node to another, and where they are: {@code released} left the source through the
 * ledger, {@code received} arrived at the destination, {@code lost} were written off; the rest is {@link #inTransit()}.
 */
public record StockTransfer(String transferId, String sku, String fromNodeId, String toNodeId, long units, String note,
                            TransferStatus status, String reason, long released, long received, long lost,
                            String requestedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Released, and neither received nor written off: in no node's stock, never sellable. */
    public long inTransit() {
        return released - received - lost;
    }
}
