package io.maestro.integrations.carriers;

import java.math.BigDecimal;
import java.util.List;

/** A carrier's answer to a rate request: one quote per service it offers for the parcel (none: it cannot carry it). */
public record CarrierRateResponse(String carrier, List<ServiceQuote> quotes) {

    public record ServiceQuote(String service, BigDecimal price, String currency, int transitDays, BigDecimal co2Kg) {
    }
}
