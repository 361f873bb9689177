package io.maestro.core;

/** A valid request the current state does not allow (an order already delivered cannot be cancelled). Nothing changed. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
