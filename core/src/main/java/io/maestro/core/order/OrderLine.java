package io.maestro.core.order;

import java.math.BigDecimal;

/** A line of an order; {@code lineNo} counts from 1 in the order the channel sent them. */
public record OrderLine(int lineNo, String sku, int quantity, BigDecimal unitPrice) {
}
