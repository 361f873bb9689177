package io.maestro.core.deadletter;

import java.time.OffsetDateTime;

/**
 * Input that could not be taken, as it arrived: {@code source} names the channel that received it
 * (e.g. {@code marketplace-file}, {@code mqtt-device}), {@code reference} where (file and line, topic).
 */
public record DeadLetter(long id, String source, String reference, String payload, String reason, DeadLetterStatus status,
                         OffsetDateTime receivedAt, OffsetDateTime replayedAt, String replayNote) {
}
