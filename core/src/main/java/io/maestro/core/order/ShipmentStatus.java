package io.maestro.core.order;

/** Where one shipment of an order stands. */
public enum ShipmentStatus {
    PLANNED, RELEASED, ACCEPTED, REJECTED, DISPATCHED, DELAYED, DELIVERED, CANCELLED
}
