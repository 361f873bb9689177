package io.maestro.core.partner;

import io.maestro.core.geo.Address;
import io.maestro.core.order.ShipmentLine;

import java.time.LocalDate;
import java.util.List;

/** What a node is asked to pick and ship (or hold for pickup): the shipment, its lines and where it goes. */
public record ShipmentRelease(String orderId, String shipmentId, String nodeId, List<ShipmentLine> lines, Address shipTo,
                              String deliveryOption, LocalDate promisedDate) {

    public ShipmentRelease {
        lines = List.copyOf(lines);
    }
}
