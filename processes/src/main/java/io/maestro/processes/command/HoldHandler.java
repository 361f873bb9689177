package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Hold: from the next step on, the order's process allocates nothing new and releases nothing to nodes
 * (it waits at {@code Task_AwaitReleaseBeforeAllocation} / {@code Task_AwaitReleaseBeforeShipping});
 * what a node already has keeps going. A pickup (BOPIS, curbside) can be held until it is released to its store: it
 * is then not released to the store, nor a transfer to its source ({@code store-pickup}'s hold gates); once the store
 * has it, {@code 409}.
 */
@Component
class HoldHandler implements CommandHandler {

    /** A pickup the store has been given: it is picked and waits for the customer, there is nothing left to hold. */
    private static final Set<OrderStatus> STORE_HAS_IT = EnumSet.of(OrderStatus.RELEASED, OrderStatus.READY_FOR_PICKUP);

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
        if (order.deliveryOption() != DeliveryOption.SHIP && STORE_HAS_IT.contains(order.status())) {
            throw new StateConflictException("Order " + order.orderId() + " is " + order.status() + ": the store has the "
                    + "pickup, which can no longer be held, only cancelled");
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
