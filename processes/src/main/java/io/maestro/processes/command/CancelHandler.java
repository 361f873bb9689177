package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Cancel: message {@code OrderCancelRequested} interrupts the order's process, which cancels what has not
 * shipped; the outcome on the timeline says at once which node each shipment is withdrawn from (a node that is
 * unreachable meanwhile only delays the withdrawal: the process keeps trying). Refused when the order is finished or everything has left the nodes; a second cancel while the first
 * is under way joins it.
 */
@Component
class CancelHandler implements CommandHandler {

    static final String MESSAGE = "OrderCancelRequested";
    private static final Set<ShipmentStatus> LEFT = EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED,
            ShipmentStatus.DELIVERED);
    private static final Set<ShipmentStatus> AT_NODE = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED);

    private final RuntimeService runtime;
    private final OrderCommandLog commands;
    private final LineCancellations cancellations;

    CancelHandler(RuntimeService runtime, OrderCommandLog commands, LineCancellations cancellations) {
        this.runtime = runtime;
        this.commands = commands;
        this.cancellations = cancellations;
    }

    @Override
    public CommandType type() {
        return CommandType.CANCEL;
    }

    @Override
    public void check(OrderCommand command, Map<String, Object> payload, Order order) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw new StateConflictException("Order " + order.orderId() + " is already cancelled");
        }
        OrderStates.requireOpen(order, "be cancelled");
        if (everythingLeft(order, cancellations.byLine(order.orderId()))) {
            throw new StateConflictException("Order " + order.orderId() + " has left the nodes in full: nothing is left to cancel");
        }
    }

    @Override
    public String apply(OrderCommand command, Map<String, Object> payload, Order order) {
        check(command, payload, order);
        if (commands.anyApplied(order.orderId(), CommandType.CANCEL)) {
            return "the cancellation already under way covers it";
        }
        String reason = reason(payload, command.actor());
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(order.orderId())
                    .setVariable("cancelReason", reason).setVariable("cancelledBy", command.actor())
                    .setVariable("cancelCommandId", command.commandId()).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new StateConflictException("Order " + order.orderId() + " is " + order.status()
                    + " and its fulfilment is no longer running: nothing is left to cancel");
        }
        return "cancel accepted; " + plan(order) + ": " + reason;
    }

    /** What the cancel will do, said when it is accepted: which node each shipment is withdrawn from. */
    private static String plan(Order order) {
        List<String> atNodes = order.shipments().stream().filter(s -> AT_NODE.contains(s.status()))
                .map(s -> s.shipmentId() + " from " + s.nodeId()).toList();
        return atNodes.isEmpty() ? "giving back what is reserved"
                : "withdrawing " + String.join(", ", atNodes) + " and giving back what is reserved";
    }

    static String reason(Map<String, Object> payload, String actor) {
        Object reason = payload.get("reason");
        return reason == null || reason.toString().isBlank() ? "cancelled by " + actor : reason.toString();
    }

    /** Every unit not cancelled has left a node. */
    private static boolean everythingLeft(Order order, Map<Integer, Integer> cancelled) {
        Map<Integer, Integer> left = new HashMap<>(cancelled);
        order.shipments().stream().filter(s -> LEFT.contains(s.status())).flatMap(s -> s.lines().stream())
                .forEach(l -> left.merge(l.lineNo(), l.quantity(), Integer::sum));
        return order.lines().stream().allMatch(l -> left.getOrDefault(l.lineNo(), 0) >= l.quantity());
    }
}
