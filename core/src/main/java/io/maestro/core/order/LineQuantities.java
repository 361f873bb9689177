package io.maestro.core.order;

/**
 * Where the units of one order line stand: {@code allocated} are reserved for it and not yet shipped,
 * {@code shipped} left a node (delivered ones included), {@code delivered} reached the customer,
 * {@code cancelled} will never ship, {@code returned} came back.
 */
public record LineQuantities(int lineNo, String sku, int ordered, int allocated, int shipped, int delivered, int cancelled,
                             int returned) {
}
