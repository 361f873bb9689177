package io.maestro.core.inbox;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Something a partner tells about an order: {@code type} is the BPMN message name (ShipmentAccepted,
 * ShipmentRejected, ShipmentShortPicked, ShipmentDispatched, ShipmentDelayed, ShipmentDelivered, ReadyForPickup,
 * CustomerArrived, ...). {@code eventId} is the partner's id, unique per {@code source}.
 */
public record PartnerEvent(String source, String eventId, String type, String orderId, String shipmentId,
                           Map<String, Object> payload, OffsetDateTime occurredAt) {

    public PartnerEvent {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
