package io.maestro.core.carrier;

import java.util.Objects;
import java.util.Set;

/**
 * What DMN {@code carrier-selection} answered for a parcel: the carriers that may carry it (any when
 * {@code carriers} is empty), whether they need a hazmat licence, the slowest and the fastest service it may take,
 * whether a faster service is free to the customer, and why. Maestro has no carrier rule of its own: the optimiser
 * and the label step only apply this answer.
 */
public record CarrierConstraint(Set<String> carriers, boolean licenceRequired, ServiceLevel minimumService,
                                ServiceLevel maximumService, boolean freeUpgrade, String reason) {

    /** No limit: any carrier, any service (what the engine's benchmarks price with). */
    public static final CarrierConstraint NONE = new CarrierConstraint(Set.of(), false, ServiceLevel.GROUND,
            ServiceLevel.OVERNIGHT, false, "no carrier constraint");

    public CarrierConstraint {
        carriers = Set.copyOf(carriers);
        Objects.requireNonNull(minimumService, "minimumService");
        Objects.requireNonNull(maximumService, "maximumService");
    }

    public boolean allows(RateCard card, ServiceRates service) {
        return allows(card.carrier(), card.hazmatLicensed(), service.level());
    }

    /** Whether {@code carrier} (licensed for hazmat or not) may carry the parcel by {@code service}. */
    public boolean allows(String carrier, boolean hazmatLicensed, ServiceLevel service) {
        return (carriers.isEmpty() || carriers.contains(carrier)) && (!licenceRequired || hazmatLicensed)
                && service.atLeast(minimumService) && maximumService.atLeast(service);
    }

    /** "any carrier, GROUND to OVERNIGHT" and the like, for the timeline. */
    public String describe() {
        String who = carriers.isEmpty() ? "any carrier" : String.join(" or ", new java.util.TreeSet<>(carriers));
        String service = minimumService == maximumService ? minimumService.name()
                : minimumService.name() + " to " + maximumService.name();
        return (licenceRequired ? who + " licensed for hazardous goods" : who) + ", " + service;
    }
}
