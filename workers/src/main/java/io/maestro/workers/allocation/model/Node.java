package io.maestro.workers.allocation.model;

import java.util.Objects;

/**
 * A candidate fulfilment node with its costs and what it can still do today.
 *
 * @param daysToShip              days before the parcel leaves: 0 before today's cut-off, 1 after it
 * @param remainingUnitsToday     units the node can still pick and pack today
 * @param remainingShipmentsToday parcels the node can still hand to carriers today
 * @param excluded                the node may not serve this order (it rejected it, or was taken out)
 */
public record Node(String id, String name, NodeType type, GeoPoint location,
                   double handlingPerShipment, double handlingPerUnit, int daysToShip,
                   int remainingUnitsToday, int remainingShipmentsToday, boolean excluded) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        if (handlingPerShipment < 0 || handlingPerUnit < 0 || daysToShip < 0
                || remainingUnitsToday < 0 || remainingShipmentsToday < 0) {
            throw new IllegalArgumentException("node " + id + ": costs, days and capacity must not be negative");
        }
    }

    /** A node open all day with no capacity limit. */
    public static Node of(String id, String name, NodeType type, GeoPoint location,
                          double handlingPerShipment, double handlingPerUnit) {
        return new Node(id, name, type, location, handlingPerShipment, handlingPerUnit, 0, UNLIMITED, UNLIMITED, false);
    }

    public Node withExcluded(boolean value) {
        return new Node(id, name, type, location, handlingPerShipment, handlingPerUnit, daysToShip,
                remainingUnitsToday, remainingShipmentsToday, value);
    }

    public Node withRemainingCapacity(int units, int shipments) {
        return new Node(id, name, type, location, handlingPerShipment, handlingPerUnit, daysToShip,
                units, shipments, excluded);
    }
}
