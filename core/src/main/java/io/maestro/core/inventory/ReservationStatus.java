package io.maestro.core.inventory;

public enum ReservationStatus {
    ACTIVE, RELEASED, CONSUMED
}
