package io.maestro.core.inventory;

/** The requested change contradicts the current state (e.g. shipping units that were lost). */
public class InventoryConflictException extends RuntimeException {

    public InventoryConflictException(String message) {
        super(message);
    }
}
