package io.maestro.core.order;

/** Where an order stands in its life. */
public enum OrderStatus {
    RECEIVED, ON_HOLD, BACKORDERED, ALLOCATED, RELEASED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, READY_FOR_PICKUP, PICKED_UP, CANCELLED, PARTIALLY_RETURNED, RETURNED
}
