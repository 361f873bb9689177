package io.maestro.core.inventory;

/** A reservation found less available than it asked for; nothing of the request was reserved. */
public class InsufficientStockException extends RuntimeException {

    private final String nodeId;
    private final String sku;
    private final long requested;
    private final long available;

    public InsufficientStockException(String nodeId, String sku, long requested, long available) {
        this("Only " + available + " of " + requested + " " + sku + " available at " + nodeId, nodeId, sku, requested,
                available);
    }

    protected InsufficientStockException(String message, String nodeId, String sku, long requested, long available) {
        super(message);
        this.nodeId = nodeId;
        this.sku = sku;
        this.requested = requested;
        this.available = available;
    }

    public String nodeId() {
        return nodeId;
    }

    public String sku() {
        return sku;
    }

    public long requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
