package io.maestro.core.inventory;

/** A request to reserve; the caller's id makes a repeated request change nothing. */
public record ReservationRequest(String reservationId, String orderId, int lineNo, String nodeId, String sku, long quantity) {
}
