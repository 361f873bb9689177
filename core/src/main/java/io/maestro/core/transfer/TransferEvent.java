package io.maestro.core.transfer;

import java.time.OffsetDateTime;

/** One step on a transfer's timeline: what happened, the status after it, who did it and why. */
public record TransferEvent(OffsetDateTime at, String type, TransferStatus status, String actor, String detail) {
}
