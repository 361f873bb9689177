package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderStatus;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Release of an operator's hold: the hold ends and message {@code OrderHoldReleased} wakes the process where
 * it waits (if it waits nowhere yet, it finds the hold gone at its next step; a timer rechecks every minute).
 */
@Component
class ReleaseHandler implements CommandHandler {

    static final String MESSAGE = "OrderHoldReleased";

    private final OrderHolds holds;
    private final RuntimeService runtime;

    ReleaseHandler(OrderHolds holds, RuntimeService runtime) {
        this.holds = holds;
        this.runtime = runtime;
    }

    @Override
    public CommandType type() {
        return CommandType.RELEASE;
    }

    @Override
    public void check(OrderCommand command, Map<String, Object> payload, Order order) {
        if (holds.find(order.orderId()).isEmpty()) {
            throw notHeld(order);
        }
    }

    @Override
    public String apply(OrderCommand command, Map<String, Object> payload, Order order) {
        if (!holds.release(order.orderId())) {
            throw notHeld(order);
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(order.orderId()).correlateAllWithResult();
        Object reason = payload.get("reason");
        return "released" + (reason == null || reason.toString().isBlank() ? "" : ": " + reason);
    }

    private static StateConflictException notHeld(Order order) {
        return new StateConflictException("Order " + order.orderId() + " is not on hold" + (order.status() == OrderStatus.ON_HOLD
                ? ": it waits for screening review, which is decided in Tasklist (Review held order)" : ""));
    }
}
