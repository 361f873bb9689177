package io.maestro.workers.allocation.model;

/** A point on the earth in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_RADIUS_MILES = 3958.8;

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("not a coordinate: " + latitude + "," + longitude);
        }
    }

    /** Great-circle distance in statute miles (haversine). */
    public double milesTo(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
