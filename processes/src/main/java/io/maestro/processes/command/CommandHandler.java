package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.order.Order;
import java.util.Map;

/**
 * Applies one type of command to an order and its process, in the caller's transaction. Returns what it did,
 * for the timeline; throws {@link StateConflictException} with the reason when the order's state refuses it.
 */
interface CommandHandler {

    CommandType type();

    String apply(OrderCommand command, Map<String, Object> payload, Order order);

    /**
     * Throws {@link StateConflictException} with the reason when the order's state as it stands already rules the
     * command out; changes nothing. {@link #apply} checks the same first.
     */
    void check(OrderCommand command, Map<String, Object> payload, Order order);
}
