package io.maestro.core.transfer;

import io.maestro.core.ContentHash;

/** An approved transfer: {@code units} of {@code sku} from one node to another, with a note (e.g. the suggestion). */
public record TransferRequest(String sku, String fromNodeId, String toNodeId, Long units, String note) {

    /** What the transfer moves, for comparing a repeated idempotency key; the note is not part of it. */
    public String contentHash() {
        return ContentHash.of(sku, fromNodeId, toNodeId, units);
    }
}
