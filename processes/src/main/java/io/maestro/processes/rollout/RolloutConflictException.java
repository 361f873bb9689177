package io.maestro.processes.rollout;

/** A rollout command the rollout's state rules out (another one active, this one already ended). Nothing changed. */
public class RolloutConflictException extends RuntimeException {

    public RolloutConflictException(String message) {
        super(message);
    }
}
