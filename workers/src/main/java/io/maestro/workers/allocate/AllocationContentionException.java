package io.maestro.workers.allocate;

/** Every plan lost its stock to concurrent orders before it could be reserved: a passing condition, worth retrying. */
public class AllocationContentionException extends RuntimeException {

    public AllocationContentionException(String message, Throwable lastRace) {
        super(message, lastRace);
    }
}
