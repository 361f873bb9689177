package io.maestro.core.deadletter;

/**
 * Takes a dead letter's payload through the normal path again, for one source. Throws with a reason when it
 * still cannot be taken; the letter then stays open with that reason.
 */
public interface DeadLetterHandler {

    String source();

    void replay(String payload);
}
