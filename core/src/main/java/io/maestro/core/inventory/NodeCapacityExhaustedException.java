package io.maestro.core.inventory;

/**
 * A reservation would take a node over its daily capacity; nothing of the request was reserved. A race like
 * {@link InsufficientStockException}: the planner plans again on fresh figures.
 */
public class NodeCapacityExhaustedException extends InsufficientStockException {

    public NodeCapacityExhaustedException(String nodeId, long requested, long left) {
        super("Node " + nodeId + " has " + left + " of its daily capacity left, " + requested + " units asked",
                nodeId, null, requested, left);
    }
}
