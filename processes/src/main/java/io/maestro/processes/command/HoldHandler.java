package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Hold: from the next step on, the order's process allocates nothing new and releases nothing to nodes
 * (it waits at {@code Task_AwaitReleaseBeforeAllocation} / {@code Task_AwaitReleaseBeforeShipping});
 * what a node already has keeps going.
 */
@Component
class HoldHandler implements CommandHandler {

    private final OrderHolds holds;

    HoldHandler(OrderHolds holds) {
        this.holds = holds;
    }

    @Override
    public CommandType type() {
        return CommandType.HOLD;
    }

    @Override
    public void check(OrderCommand command, Map<String, Object> payload, Order order) {
        OrderStates.requireOpen(order, "be held");
        if (order.deliveryOption() != DeliveryOption.SHIP) {
            throw new StateConflictException("Order " + order.orderId() + " is picked up at a store: a pickup cannot be held, "
                    + "only cancelled");
        }
        holds.find(order.orderId()).ifPresent(hold -> {
            throw new StateConflictException("Order " + order.orderId() + " is already on hold (by " + hold.heldBy() + ": "
                    + hold.reason() + ")");
        });
    }

    @Override
    public String apply(OrderCommand command, Map<String, Object> payload, Order order) {
        check(command, payload, order);
        String reason = String.valueOf(payload.get("reason"));
        if (!holds.hold(order.orderId(), reason, command.actor(), command.commandId())) {
            OrderHolds.Hold hold = holds.find(order.orderId()).orElseThrow();
            throw new StateConflictException("Order " + order.orderId() + " is already on hold (by " + hold.heldBy() + ": "
                    + hold.reason() + ")");
        }
        return "on hold: " + reason;
    }
}
