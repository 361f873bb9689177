package io.maestro.core.partner;

import java.math.BigDecimal;

/** One carrier's offer for one service. */
public record RateQuote(String carrier, String service, BigDecimal price, int transitDays, BigDecimal co2Kg) {
}
