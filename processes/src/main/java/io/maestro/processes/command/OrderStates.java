package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderStatus;
import java.util.EnumSet;
import java.util.Set;

/** The order statuses after which no command changes anything any more. */
final class OrderStates {

    private static final Set<OrderStatus> FINISHED = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.PICKED_UP, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED);

    private OrderStates() {
    }

    static void requireOpen(Order order, String what) {
        if (FINISHED.contains(order.status())) {
            throw new StateConflictException("Order " + order.orderId() + " is " + order.status() + ": it can no longer "
                    + what);
        }
    }
}
