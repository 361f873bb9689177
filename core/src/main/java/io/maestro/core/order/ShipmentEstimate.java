package io.maestro.core.order;

import java.math.BigDecimal;

/** What allocation estimated a shipment's carrier service costs (the carrier's price) and emits, from the carrier model. */
public record ShipmentEstimate(String shipmentId, String carrier, String service, BigDecimal cost, BigDecimal co2Kg) {
}
