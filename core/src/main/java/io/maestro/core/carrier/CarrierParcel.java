package io.maestro.core.carrier;

/**
 * A parcel as a carrier prices it.
 *
 * @param miles       great-circle distance origin → destination, which gives the zone
 * @param weightKg    actual weight
 * @param volumeCm3   packed volume, for the dimensional weight (0 when unknown: the actual weight bills)
 * @param hazmat      carries hazardous goods: only licensed carriers take it, with their hazmat surcharge
 * @param oversize    carries an oversize item: the carrier's oversize surcharge applies
 * @param residential delivered to a home: the carrier's residential surcharge applies
 */
public record CarrierParcel(double miles, double weightKg, double volumeCm3, boolean hazmat, boolean oversize,
                            boolean residential) {

    public CarrierParcel {
        if (miles < 0 || weightKg < 0 || volumeCm3 < 0) {
            throw new IllegalArgumentException("distance, weight and volume must not be negative");
        }
    }

    /** A parcel to a customer's home (every parcel Maestro ships to a customer is one). */
    public static CarrierParcel toHome(double miles, double weightKg, boolean hazmat, boolean oversize) {
        return new CarrierParcel(miles, weightKg, 0, hazmat, oversize, true);
    }
}
