package io.maestro.workers.allocation.model;

/** How the customer receives the order: shipped, or picked up at a store (in-store or at the curb). */
public enum DeliveryOption {
    SHIP, BOPIS, CURBSIDE;

    public boolean isPickup() {
        return this != SHIP;
    }
}
