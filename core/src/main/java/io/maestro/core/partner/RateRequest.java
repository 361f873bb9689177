package io.maestro.core.partner;

import io.maestro.core.geo.GeoPoint;

import java.math.BigDecimal;

/**
 * A parcel to price: from a node to the customer, its weight, its volume (sum of its units' length × width × height,
 * for the dimensional weight; 0 when unknown) and whether it carries hazardous goods or an oversize item.
 */
public record RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                          GeoPoint destination, BigDecimal weightKg, boolean hazmat, boolean oversize,
                          double volumeCm3) {

    /** A parcel of unknown volume: its actual weight bills. */
    public RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                       GeoPoint destination, BigDecimal weightKg, boolean hazmat, boolean oversize) {
        this(shipmentId, originPostalCode, origin, destinationPostalCode, destination, weightKg, hazmat, oversize, 0);
    }

    public RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                       GeoPoint destination, BigDecimal weightKg, boolean hazmat) {
        this(shipmentId, originPostalCode, origin, destinationPostalCode, destination, weightKg, hazmat, false, 0);
    }
}
