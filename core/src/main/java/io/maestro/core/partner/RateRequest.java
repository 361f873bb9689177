package io.maestro.core.partner;

import io.maestro.core.geo.GeoPoint;

import java.math.BigDecimal;

/** A parcel to price: from a node to the customer, its weight and whether it carries hazardous goods. */
public record RateRequest(String shipmentId, String originPostalCode, GeoPoint origin, String destinationPostalCode,
                          GeoPoint destination, BigDecimal weightKg, boolean hazmat) {
}
