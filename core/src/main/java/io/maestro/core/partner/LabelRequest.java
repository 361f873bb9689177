package io.maestro.core.partner;

import io.maestro.core.geo.Address;

import java.math.BigDecimal;

/** The label to buy for a shipment with the carrier service chosen for it. */
public record LabelRequest(String orderId, String shipmentId, String nodeId, String carrier, String service,
                           Address shipTo, BigDecimal weightKg) {
}
