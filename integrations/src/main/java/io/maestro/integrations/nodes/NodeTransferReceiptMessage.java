package io.maestro.integrations.nodes;

import io.maestro.integrations.PayloadReader;

/**
 * A destination node's receipt of a stock transfer, posted to {@code POST /api/partners/nodes/{nodeId}/transfer-receipts}
 * and signed with the node's secret like its other events: {@code {"eventId": "…", "transferId": "TR-…", "units": 7}}
 * ({@code eventId} makes it idempotent; fewer units than in transit means the rest did not arrive).
 */
public record NodeTransferReceiptMessage(String eventId, String transferId, long units) {

    /** Reads a body, naming every bad field. */
    public static NodeTransferReceiptMessage read(String body) {
        PayloadReader reader = PayloadReader.of(body);
        String eventId = reader.text("eventId", 120);
        String transferId = reader.text("transferId", 64);
        Integer units = reader.positiveInt(reader.root(), "units", "units");
        reader.done();
        return new NodeTransferReceiptMessage(eventId, transferId, units.longValue());
    }
}
