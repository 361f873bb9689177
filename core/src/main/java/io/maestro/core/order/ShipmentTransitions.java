package io.maestro.core.order;

import static io.maestro.core.order.ShipmentStatus.ACCEPTED;
import static io.maestro.core.order.ShipmentStatus.CANCELLED;
import static io.maestro.core.order.ShipmentStatus.DELAYED;
import static io.maestro.core.order.ShipmentStatus.DELIVERED;
import static io.maestro.core.order.ShipmentStatus.DISPATCHED;
import static io.maestro.core.order.ShipmentStatus.PLANNED;
import static io.maestro.core.order.ShipmentStatus.REJECTED;
import static io.maestro.core.order.ShipmentStatus.RELEASED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The shipment's state machine: every status a shipment may move to from each status, in one place. A new
 * shipment starts PLANNED. Moving to the status it already has is a repeated event, not a transition: always
 * allowed, and nothing changes.
 */
public final class ShipmentTransitions {

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> NEXT = new EnumMap<>(ShipmentStatus.class);

    static {
        // REJECTED from PLANNED: the node could not be reached and an operator rerouted the shipment.
        allow(PLANNED, RELEASED, REJECTED, CANCELLED);
        // DELIVERED from RELEASED: a store transfer is received without a separate acceptance.
        allow(RELEASED, ACCEPTED, REJECTED, DISPATCHED, DELIVERED, CANCELLED);
        // REJECTED from ACCEPTED: short picked after accepting; DELIVERED: a pickup handed to the customer.
        allow(ACCEPTED, DISPATCHED, REJECTED, DELIVERED, CANCELLED);
        allow(DISPATCHED, DELAYED, DELIVERED);
        allow(DELAYED, DELIVERED);
        allow(DELIVERED);
        allow(REJECTED);
        allow(CANCELLED);
    }

    private ShipmentTransitions() {
    }

    /** True when a shipment in {@code from} may move to {@code to} (or already is there). */
    public static boolean allowed(ShipmentStatus from, ShipmentStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** The statuses a shipment in {@code from} may move to (itself not included). */
    public static Set<ShipmentStatus> next(ShipmentStatus from) {
        Set<ShipmentStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(ShipmentStatus.class) : EnumSet.copyOf(next);
    }

    /** True when nothing moves a shipment in {@code status} any more. */
    public static boolean isFinal(ShipmentStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /** The status a shipment in {@code from} moves to; refused with {@link IllegalTransitionException}. */
    public static ShipmentStatus check(String shipmentId, ShipmentStatus from, ShipmentStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException("Shipment", shipmentId, from, to);
        }
        return to;
    }

    private static void allow(ShipmentStatus from, ShipmentStatus... to) {
        NEXT.put(from, to.length == 0 ? EnumSet.noneOf(ShipmentStatus.class) : EnumSet.of(to[0], to));
    }
}
