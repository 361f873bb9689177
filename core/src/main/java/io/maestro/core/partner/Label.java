package io.maestro.core.partner;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bought label: tracking number, price and the carrier's delivery estimate. */
public record Label(String carrier, String service, String trackingNumber, BigDecimal price, LocalDate estimatedDelivery,
                    BigDecimal co2Kg) {
}
