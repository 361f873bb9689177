package io.maestro.core;

/**
 * An idempotency key ({@code channelOrderId}, {@code eventId}, {@code returnId}, {@code snapshotId}) sent again with
 * other content than the first time: refused, nothing changed. {@code field} names the key.
 */
public class IdempotencyConflictException extends RuntimeException {

    private final String field;

    public IdempotencyConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
