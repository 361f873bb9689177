package io.maestro.core.carrier;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What one carrier service charges for one parcel (rate plus surcharges), how long it takes and what it emits. */
public record CarrierQuote(String carrier, String service, int zone, double billableKg, double price,
                           int transitDays, double co2Kg) {

    public BigDecimal priceAmount() {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal co2Amount() {
        return BigDecimal.valueOf(co2Kg).setScale(3, RoundingMode.HALF_UP);
    }
}
