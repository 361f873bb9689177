package io.maestro.integrations.carriers;

import io.maestro.core.geo.GeoPoint;

/** A parcel's origin or destination as carriers take it: postal code and coordinates. */
public record Place(String postalCode, double latitude, double longitude) {

    public static Place of(String postalCode, GeoPoint point) {
        return new Place(postalCode, point.latitude(), point.longitude());
    }

    public GeoPoint point() {
        return new GeoPoint(latitude, longitude);
    }
}
