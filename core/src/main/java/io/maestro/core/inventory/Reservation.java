package io.maestro.core.inventory;

/** Units of one SKU at one node promised to one order line. */
public record Reservation(String id, String orderId, int lineNo, String nodeId, String sku, long quantity,
                          ReservationStatus status) {
}
