package io.maestro.core.partner;

import java.math.BigDecimal;

/** Money the ERP is asked to give back for a return; {@code refundId} makes the request idempotent at the ERP. */
public record RefundRequest(String refundId, String orderId, String returnId, BigDecimal amount, String currency,
                            String reason) {
}
