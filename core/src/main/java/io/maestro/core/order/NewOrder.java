package io.maestro.core.order;

import io.maestro.core.geo.Address;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as a channel sends it. Defaults: delivery option SHIP, preference BALANCED, tier STANDARD,
 * shipComplete false.
 */
public record NewOrder(
        String channel,
        String channelOrderId,
        Customer customer,
        Address shipTo,
        DeliveryOption deliveryOption,
        String pickupNodeId,
        Preference preference,
        Boolean shipComplete,
        List<Line> lines) {

    public record Line(String sku, Integer quantity, BigDecimal unitPrice) {
    }
}
