package io.maestro.integrations.carriers;

/** Where a parcel is, as a carrier reports it, and the process message it becomes. */
public enum TrackingStatus {
    IN_TRANSIT("ShipmentInTransit"),
    DELAYED("ShipmentDelayed"),
    DELIVERED("ShipmentDelivered"),
    EXCEPTION("ShipmentException");

    private final String messageName;

    TrackingStatus(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }
}
