package io.maestro.processes.shipment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * How far an order's units have got across its shipments. Units of a cancelled shipment no longer count as
 * owed; a rejected shipment's units were placed again in new shipments.
 */
final class OrderProgress {

    private static final Set<ShipmentStatus> LEFT_THE_NODE =
            EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED, ShipmentStatus.DELIVERED);

    private OrderProgress() {
    }

    static boolean allShipped(Order order) {
        return units(order, LEFT_THE_NODE) >= owed(order);
    }

    static boolean allDelivered(Order order) {
        return units(order, EnumSet.of(ShipmentStatus.DELIVERED)) >= owed(order);
    }

    static boolean nothingLeft(Order order) {
        return order.shipments().stream().allMatch(s -> s.status() == ShipmentStatus.CANCELLED
                || s.status() == ShipmentStatus.REJECTED);
    }

    private static long owed(Order order) {
        return order.lines().stream().mapToLong(OrderLine::quantity).sum()
                - units(order, EnumSet.of(ShipmentStatus.CANCELLED));
    }

    private static long units(Order order, Set<ShipmentStatus> statuses) {
        return order.shipments().stream().filter(s -> statuses.contains(s.status())).map(Shipment::lines)
                .flatMap(java.util.List::stream).mapToLong(ShipmentLine::quantity).sum();
    }
}
