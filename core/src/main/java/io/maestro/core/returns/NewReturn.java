package io.maestro.core.returns;

import java.util.List;

/**
 * A return as a caller reports it: the order, the node that has the goods now, and per line the order line
 * (by {@code lineNo}, or by {@code sku} when the order has one line of it), the quantity and the customer's reason.
 * {@code returnId} is optional; given, it makes the call idempotent.
 */
public record NewReturn(String returnId, String orderId, String nodeId, List<Line> lines) {

    public record Line(Integer lineNo, String sku, Integer quantity, String reason) {
    }
}
