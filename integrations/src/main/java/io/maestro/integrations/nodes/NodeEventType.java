package io.maestro.integrations.nodes;

/** What a node tells about a shipment, and the process message it becomes. */
public enum NodeEventType {
    ACCEPTED("ShipmentAccepted"),
    REJECTED("ShipmentRejected"),
    SHORT_PICKED("ShipmentShortPicked"),
    DISPATCHED("ShipmentDispatched"),
    READY_FOR_PICKUP("ReadyForPickup"),
    CUSTOMER_ARRIVED("CustomerArrived"),
    PICKED_UP("PickedUp"),
    RETURN_RECEIVED("ReturnReceived");

    private final String messageName;

    NodeEventType(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }
}
