package io.maestro.integrations.erp;

import io.maestro.core.replenishment.PurchaseOrderReceipt;
import io.maestro.integrations.PayloadReader;

/**
 * The ERP's confirmation that a purchase order's goods were received at its node, posted to
 * {@code POST /api/partners/erp/receipts} and signed like every partner webhook:
 * {@code {"eventId": "…", "requestId": "PO-…", "quantity": 24}} ({@code eventId} makes it idempotent).
 */
public record ErpReceiptMessage(String eventId, String requestId, long quantity) {

    /** Reads a body, naming every bad field. */
    public static PurchaseOrderReceipt read(String body) {
        PayloadReader reader = PayloadReader.of(body);
        String eventId = reader.text("eventId", 120);
        String requestId = reader.text("requestId", 90);
        Integer quantity = reader.positiveInt(reader.root(), "quantity", "quantity");
        reader.done();
        return new PurchaseOrderReceipt(eventId, requestId, quantity.longValue());
    }
}
