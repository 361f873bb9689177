package io.maestro.core.carrier;

/**
 * What limits the carrier services an order's parcels may take, beyond the promise: hazardous goods travel by
 * ground with a licensed carrier; a VIP customer or a policy upgrade gets two-day service or faster
 * (DMN {@code carrier-selection}'s hazmat and upgrade rules, which the label step applies to the same parcels).
 */
public record ShippingTerms(boolean hazmat, boolean oversize, boolean residential, ServiceLevel minimumService) {

    public static ShippingTerms of(boolean hazmat, boolean oversize, boolean vipOrUpgrade) {
        return new ShippingTerms(hazmat, oversize, true, vipOrUpgrade && !hazmat ? ServiceLevel.TWO_DAY : ServiceLevel.GROUND);
    }

    /** Whether {@code card}'s {@code service} may carry a parcel on these terms. */
    public boolean allows(RateCard card, ServiceRates service) {
        if (hazmat) {
            return card.hazmatLicensed() && service.level() == ServiceLevel.GROUND;
        }
        return service.level().atLeast(minimumService);
    }

    public CarrierParcel parcel(double miles, double weightKg) {
        return new CarrierParcel(miles, weightKg, 0, hazmat, oversize, residential);
    }
}
