package io.maestro.app.chaos;

import io.maestro.app.Api;
import io.maestro.integrations.Json;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.carriers.CarrierTrackingMessage;
import io.maestro.integrations.carriers.TrackingStatus;
import io.maestro.integrations.nodes.NodeEventMessage;
import io.maestro.integrations.nodes.NodeEventType;
import io.maestro.integrations.nodes.NodePartners;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

/**
 * Partner events sent as the sandbox partners send them (same event ids, same signature), at moments they would not:
 * again, late, or before the event that should come first.
 */
final class PartnerEvents {

    /** A shipment as the database has it at the moment of the step. */
    record ShipmentRow(String shipmentId, String orderId, String nodeId, String status, String trackingNumber,
                       String carrier) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final NodePartners nodes;
    private final PartnerProperties partners;

    PartnerEvents(int port, NodePartners nodes, PartnerProperties partners) {
        this.base = "http://localhost:" + port;
        this.nodes = nodes;
        this.partners = partners;
    }

    /** The node's event, under the id the sandbox node system gives it, or under {@code eventId} when given. */
    Api.Response node(ShipmentRow shipment, NodeEventType type, String eventId) {
        String id = eventId != null ? eventId : shipment.nodeId() + ":" + shipment.shipmentId() + ":" + type;
        NodeEventMessage event = new NodeEventMessage(id, type, shipment.orderId(), shipment.shipmentId(), null, null,
                type == NodeEventType.DISPATCHED ? shipment.trackingNumber() : null,
                type == NodeEventType.DISPATCHED ? shipment.carrier() : null, null, OffsetDateTime.now());
        String secret = nodes.of(shipment.nodeId()).orElseThrow().secret();
        return post("/api/partners/nodes/" + shipment.nodeId() + "/events", secret, Json.write(event));
    }

    /** The carrier's tracking event, under the id the sandbox carrier gives it, or under {@code eventId} when given. */
    Api.Response carrier(ShipmentRow shipment, TrackingStatus status, String eventId) {
        String id = eventId != null ? eventId : shipment.trackingNumber() + ":" + status;
        CarrierTrackingMessage event = new CarrierTrackingMessage(id, shipment.trackingNumber(), shipment.orderId(),
                shipment.shipmentId(), status, null, null, OffsetDateTime.now());
        String secret = partners.carrier(shipment.carrier()).orElseThrow().secret();
        return post("/api/partners/carriers/" + shipment.carrier() + "/tracking", secret, Json.write(event));
    }

    private Api.Response post(String path, String secret, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
