package io.maestro.core.order;

import static io.maestro.core.order.OrderStatus.ALLOCATED;
import static io.maestro.core.order.OrderStatus.BACKORDERED;
import static io.maestro.core.order.OrderStatus.CANCELLED;
import static io.maestro.core.order.OrderStatus.DELIVERED;
import static io.maestro.core.order.OrderStatus.ON_HOLD;
import static io.maestro.core.order.OrderStatus.PARTIALLY_RETURNED;
import static io.maestro.core.order.OrderStatus.PARTIALLY_SHIPPED;
import static io.maestro.core.order.OrderStatus.PICKED_UP;
import static io.maestro.core.order.OrderStatus.READY_FOR_PICKUP;
import static io.maestro.core.order.OrderStatus.RECEIVED;
import static io.maestro.core.order.OrderStatus.RELEASED;
import static io.maestro.core.order.OrderStatus.RETURNED;
import static io.maestro.core.order.OrderStatus.SHIPPED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order's state machine: every status an order may move to from each status, in one place. Moving to the
 * status it already has is a repeated event, not a transition: always allowed, and nothing changes.
 */
public final class OrderTransitions {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        allow(RECEIVED, ON_HOLD, ALLOCATED, BACKORDERED, CANCELLED);
        allow(ON_HOLD, RECEIVED, CANCELLED);
        // Stock arrives (ALLOCATED); a partial plan ships what it has (PARTIALLY_SHIPPED).
        allow(BACKORDERED, ALLOCATED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
        // A rerouted shipment finds no node (BACKORDERED); a pickup store holds the order (RELEASED).
        allow(ALLOCATED, BACKORDERED, RELEASED, READY_FOR_PICKUP, PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
        // A pickup the store could not fill waits for stock (BACKORDERED) or for a transfer (ALLOCATED).
        allow(RELEASED, ALLOCATED, BACKORDERED, READY_FOR_PICKUP, CANCELLED);
        allow(READY_FOR_PICKUP, PICKED_UP, CANCELLED);
        // The rest of a split order was cancelled: what shipped is all there is (DELIVERED once it arrived).
        allow(PARTIALLY_SHIPPED, SHIPPED, DELIVERED, PARTIALLY_RETURNED, RETURNED);
        allow(SHIPPED, DELIVERED, PARTIALLY_RETURNED, RETURNED);
        allow(DELIVERED, PARTIALLY_RETURNED, RETURNED);
        allow(PICKED_UP, PARTIALLY_RETURNED, RETURNED);
        allow(PARTIALLY_RETURNED, RETURNED);
        allow(CANCELLED);
        allow(RETURNED);
    }

    private OrderTransitions() {
    }

    /** True when an order in {@code from} may move to {@code to} (or already is there). */
    public static boolean allowed(OrderStatus from, OrderStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** The statuses an order in {@code from} may move to (itself not included). */
    public static Set<OrderStatus> next(OrderStatus from) {
        Set<OrderStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(OrderStatus.class) : EnumSet.copyOf(next);
    }

    /** True when nothing moves an order in {@code status} any more. */
    public static boolean isFinal(OrderStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /** The status an order in {@code from} moves to; refused with {@link IllegalTransitionException}. */
    public static OrderStatus check(String orderId, OrderStatus from, OrderStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException("Order", orderId, from, to);
        }
        return to;
    }

    private static void allow(OrderStatus from, OrderStatus... to) {
        NEXT.put(from, to.length == 0 ? EnumSet.noneOf(OrderStatus.class) : EnumSet.of(to[0], to));
    }
}
