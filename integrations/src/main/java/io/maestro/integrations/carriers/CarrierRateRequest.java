package io.maestro.integrations.carriers;

import java.math.BigDecimal;

/** POST {url}/rates: price one parcel with every service the carrier offers for it. */
public record CarrierRateRequest(String shipmentId, Place origin, Place destination, BigDecimal weightKg, boolean hazmat,
                                 boolean oversize) {
}
