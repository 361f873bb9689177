package io.maestro.core.order;

import io.maestro.core.geo.Address;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The canonical order, whatever channel it came from. */
public record Order(
        String orderId,
        String channel,
        String channelOrderId,
        Customer customer,
        Address shipTo,
        double latitude,
        double longitude,
        DeliveryOption deliveryOption,
        String pickupNodeId,
        Preference preference,
        boolean shipComplete,
        OrderStatus status,
        BigDecimal orderTotal,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<OrderLine> lines,
        List<Shipment> shipments) {

    public Order {
        lines = List.copyOf(lines);
        shipments = List.copyOf(shipments);
    }
}
