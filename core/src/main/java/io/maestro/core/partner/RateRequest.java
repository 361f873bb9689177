package io.maestro.core.partner;

import io.maestro.core.geo.GeoPoint;

import java.math.BigDecimal;

/** A parcel to price: from a node to the customer, its weight and whether it carries hazardous goods or an oversize item. */
public record RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                          GeoPoint destination, BigDecimal weightKg, boolean hazmat, boolean oversize) {

    public RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                       GeoPoint destination, BigDecimal weightKg, boolean hazmat) {
        this(shipmentId, originPostalCode, origin, destinationPostalCode, destination, weightKg, hazmat, false);
    }
}
