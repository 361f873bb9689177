package io.maestro.workers.allocation.model;

import java.util.List;
import java.util.Objects;

/**
 * The order as the engine sees it.
 *
 * @param promiseDays  days from today by which the customer was promised delivery (or pickup)
 * @param shipComplete the customer wants one parcel: all lines from one node, or nothing now
 * @param pickupNodeId the store for BOPIS / CURBSIDE, null when shipped
 */
public record Order(String orderId, List<OrderLine> lines, GeoPoint shipTo, DeliveryOption deliveryOption,
                    int promiseDays, boolean shipComplete, String pickupNodeId) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shipTo, "shipTo");
        Objects.requireNonNull(deliveryOption, "deliveryOption");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        if (promiseDays < 0) {
            throw new IllegalArgumentException("promise must not be negative: " + promiseDays);
        }
        if (deliveryOption.isPickup() && pickupNodeId == null) {
            throw new IllegalArgumentException("order " + orderId + ": " + deliveryOption + " needs a pickup node");
        }
    }

    /** A shipped order that may be split. */
    public static Order ship(String orderId, GeoPoint shipTo, int promiseDays, List<OrderLine> lines) {
        return new Order(orderId, lines, shipTo, DeliveryOption.SHIP, promiseDays, false, null);
    }

    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /** The same order reduced to the given lines, e.g. the lines still to reallocate. */
    public Order withLines(List<OrderLine> remaining) {
        return new Order(orderId, remaining, shipTo, deliveryOption, promiseDays, shipComplete, pickupNodeId);
    }
}
