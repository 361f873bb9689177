package io.maestro.core.partner;

import io.maestro.core.geo.Address;

import java.math.BigDecimal;

/** The label to buy for a shipment with the carrier service chosen for it. */
public record LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                           Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize) {

    /** A parcel without hazardous goods or oversize items. */
    public LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                        Address shipTo, BigDecimal weightKg) {
        this(orderId, shipmentId, nodeId, carrier, service, shipTo, weightKg, false, false);
    }
}
