package io.maestro.core.transfer;

import java.time.OffsetDateTime;

/** The destination's report of what arrived of a transfer; {@code eventId} makes it idempotent. */
public record TransferReceipt(String eventId, String transferId, long units, String receivedBy,
                              OffsetDateTime receivedAt) {
}
