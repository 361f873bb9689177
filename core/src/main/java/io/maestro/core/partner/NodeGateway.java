package io.maestro.core.partner;

/**
 * The way to a fulfilment node's system (WMS, 3PL, store). A call returns once the node has the request;
 * its answer (accepted, rejected, short, dispatched) comes back later as a {@code PartnerEvent}.
 * Throws {@link PartnerUnavailableException} when the node cannot be reached, {@link PartnerRefusedException} when
 * it answered no (a withdrawal of goods that have left: 409; an unknown shipment: 404).
 */
public interface NodeGateway {

    void release(ShipmentRelease release);

    /** Withdraws a released shipment that has not left the node (order cancelled, rerouted). */
    void cancel(String nodeId, String orderId, String shipmentId, String reason);
}
