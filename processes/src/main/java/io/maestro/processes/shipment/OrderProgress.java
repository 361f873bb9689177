package io.maestro.processes.shipment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How far an order's units have got across its shipments. Units of a cancelled shipment and units cancelled by
 * a line-cancel command ({@code cancelledLines}, units per line) no longer count as owed; a rejected shipment's
 * units were placed again in new shipments.
 */
final class OrderProgress {

    private static final Set<ShipmentStatus> LEFT_THE_NODE =
            EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED, ShipmentStatus.DELIVERED);

    private OrderProgress() {
    }

    static boolean allShipped(Order order, Map<Integer, Integer> cancelledLines) {
        return units(order, LEFT_THE_NODE) >= owed(order, cancelledLines);
    }

    static boolean allDelivered(Order order, Map<Integer, Integer> cancelledLines) {
        return units(order, EnumSet.of(ShipmentStatus.DELIVERED)) >= owed(order, cancelledLines);
    }

    /** Every shipment that was not cancelled or rejected has arrived (the order owes nothing else). */
    static boolean everyShipmentDelivered(Order order) {
        return order.shipments().stream().allMatch(s -> s.status() == ShipmentStatus.DELIVERED
                || s.status() == ShipmentStatus.CANCELLED || s.status() == ShipmentStatus.REJECTED);
    }

    static boolean nothingLeft(Order order) {
        return order.shipments().stream().allMatch(s -> s.status() == ShipmentStatus.CANCELLED
                || s.status() == ShipmentStatus.REJECTED);
    }

    private static long owed(Order order, Map<Integer, Integer> cancelledLines) {
        return order.lines().stream().mapToLong(OrderLine::quantity).sum()
                - units(order, EnumSet.of(ShipmentStatus.CANCELLED))
                - cancelledLines.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static long units(Order order, Set<ShipmentStatus> statuses) {
        return order.shipments().stream().filter(s -> statuses.contains(s.status())).map(Shipment::lines)
                .flatMap(java.util.List::stream).mapToLong(ShipmentLine::quantity).sum();
    }
}
