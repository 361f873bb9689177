package io.maestro.workers.allocate;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import java.util.List;

/**
 * A line cancel took units while their plan was being made: the plan is not recorded, and what is still open is
 * planned again. Seen under the order's row lock, so the cancel and the plan never both count the same unit.
 */
class LinesCancelledMeanwhileException extends RuntimeException {

    private final transient Order order;
    private final transient List<OrderLine> stillOpen;

    LinesCancelledMeanwhileException(Order order, List<OrderLine> stillOpen) {
        super("units of order " + order.orderId() + " were cancelled while they were being planned");
        this.order = order;
        this.stillOpen = stillOpen;
    }

    Order order() {
        return order;
    }

    List<OrderLine> stillOpen() {
        return stillOpen;
    }
}
