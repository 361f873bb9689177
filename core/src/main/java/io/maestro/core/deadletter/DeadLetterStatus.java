package io.maestro.core.deadletter;

/** OPEN until an operator replayed it successfully (REPLAYED) or set it aside (DISCARDED). */
public enum DeadLetterStatus {
    OPEN, REPLAYED, DISCARDED
}
