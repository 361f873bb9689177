package io.maestro.integrations.nodes;

/** POST {url}/releases/{shipmentId}/cancel: withdraw a shipment that has not left the node. */
public record NodeCancelMessage(String orderId, String shipmentId, String nodeId, String reason) {
}
