package io.maestro.core.partner;

import io.maestro.core.geo.Address;

import java.math.BigDecimal;

/**
 * The label to buy for a shipment with the carrier service chosen for it; {@code volumeCm3} is the parcel's volume
 * for the dimensional weight (0 when unknown).
 */
public record LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                           Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize, double volumeCm3) {

    /** A parcel of unknown volume: its actual weight bills. */
    public LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                        Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize) {
        this(orderId, shipmentId, nodeId, carrier, service, shipTo, weightKg, hazmat, oversize, 0);
    }

    /** A parcel without hazardous goods or oversize items. */
    public LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                        Address shipTo, BigDecimal weightKg) {
        this(orderId, shipmentId, nodeId, carrier, service, shipTo, weightKg, false, false, 0);
    }
}
