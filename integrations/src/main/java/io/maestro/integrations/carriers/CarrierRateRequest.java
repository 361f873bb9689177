package io.maestro.integrations.carriers;

import java.math.BigDecimal;

/**
 * POST {url}/rates: price one parcel with every service the carrier offers for it; {@code volumeCm3} (optional, 0 when
 * unknown) gives the dimensional weight.
 */
public record CarrierRateRequest(String shipmentId, Place origin, Place destination, BigDecimal weightKg, boolean hazmat,
                                 boolean oversize, double volumeCm3) {

    public CarrierRateRequest(String shipmentId, Place origin, Place destination, BigDecimal weightKg, boolean hazmat,
                              boolean oversize) {
        this(shipmentId, origin, destination, weightKg, hazmat, oversize, 0);
    }
}
