package io.maestro.integrations.carriers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bought label; tracking events for it follow by webhook, with the order and shipment as reference. */
public record CarrierLabelResponse(String carrier, String service, String trackingNumber, BigDecimal price,
                                   LocalDate estimatedDelivery, BigDecimal co2Kg) {
}
