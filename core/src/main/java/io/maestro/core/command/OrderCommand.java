package io.maestro.core.command;

import java.time.OffsetDateTime;

/**
 * A stored command: its canonical payload (JSON, keys sorted), the hash of its content and what came of it;
 * {@code queuedAt} is set when it was answered before it could be applied (the order's process stayed busy).
 */
public record OrderCommand(String commandId, String orderId, CommandType type, String payload, String contentHash,
                           String actor, CommandStatus status, String reason, int attempts, OffsetDateTime receivedAt,
                           OffsetDateTime decidedAt, OffsetDateTime queuedAt) {
}
