package io.maestro.core.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Part of an order leaving one node with one carrier service. */
public record Shipment(String shipmentId, String nodeId, List<ShipmentLine> lines, String carrier, String service,
                       BigDecimal cost, BigDecimal co2Kg, LocalDate promisedDate, ShipmentStatus status,
                       String trackingNumber) {

    public Shipment {
        lines = List.copyOf(lines);
    }
}
