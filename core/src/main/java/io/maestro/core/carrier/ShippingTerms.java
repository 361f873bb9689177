package io.maestro.core.carrier;

/**
 * A parcel's goods and where it goes, with what DMN {@code carrier-selection} allowed for it
 * ({@link CarrierSelection}); the terms hold no rule of their own.
 */
public record ShippingTerms(boolean hazmat, boolean oversize, boolean residential, CarrierConstraint allowed) {

    /** Ordinary goods to a home, with no carrier constraint (the engine's benchmarks). */
    public static final ShippingTerms UNCONSTRAINED = new ShippingTerms(false, false, true, CarrierConstraint.NONE);

    /**
     * Whether {@code card}'s {@code service} may carry a parcel on these terms: the decision allows it and the
     * carrier takes such a parcel at all (hazardous goods only with a licence, as its card says).
     */
    public boolean allows(RateCard card, ServiceRates service) {
        return card.carries(parcel(0, 0)) && allowed.allows(card, service);
    }

    public CarrierParcel parcel(double miles, double weightKg) {
        return new CarrierParcel(miles, weightKg, 0, hazmat, oversize, residential);
    }
}
