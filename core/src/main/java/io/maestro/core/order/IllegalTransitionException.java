package io.maestro.core.order;

import io.maestro.core.StateConflictException;

/**
 * A status change the order's or the shipment's state machine does not allow from where it stands now
 * ({@link OrderTransitions}, {@link ShipmentTransitions}). Nothing was changed.
 */
public class IllegalTransitionException extends StateConflictException {

    private final String entity;
    private final String id;
    private final String from;
    private final String to;

    public IllegalTransitionException(String entity, String id, Enum<?> from, Enum<?> to) {
        super(entity + " " + id + " cannot go from " + from + " to " + to);
        this.entity = entity;
        this.id = id;
        this.from = from.name();
        this.to = to.name();
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
