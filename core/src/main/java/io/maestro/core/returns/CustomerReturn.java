package io.maestro.core.returns;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A return of some of an order's lines at one node (any node, wherever the order was bought or shipped from). */
public record CustomerReturn(String returnId, String orderId, String nodeId, ReturnStatus status, BigDecimal refundAmount,
                             String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<ReturnLine> lines) {

    public CustomerReturn {
        lines = List.copyOf(lines);
    }

    public ReturnLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Return " + returnId + " has no line " + lineNo));
    }
}
