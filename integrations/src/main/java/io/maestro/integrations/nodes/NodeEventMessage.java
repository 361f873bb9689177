package io.maestro.integrations.nodes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * POST /api/partners/nodes/{nodeId}/events, signed with the node's secret. {@code reason} for REJECTED and
 * SHORT_PICKED, {@code lines} for SHORT_PICKED, {@code trackingNumber} and {@code carrier} for DISPATCHED,
 * {@code pickupCode} for READY_FOR_PICKUP. {@code eventId} is unique per node: a repeat changes nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeEventMessage(String eventId, NodeEventType type, String orderId, String shipmentId, String reason,
                               List<ShortLine> lines, String trackingNumber, String carrier, String pickupCode,
                               OffsetDateTime occurredAt) {

    public record ShortLine(String sku, int shortQuantity) {
    }
}
