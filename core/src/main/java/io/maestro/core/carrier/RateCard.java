package io.maestro.core.carrier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One carrier's card: its services' rates, its surcharges, its hazmat licence, its dimensional-weight divisor
 * and how clean its fleet is (a factor on the services' emissions).
 */
public record RateCard(String carrier, boolean hazmatLicensed, double fleetCo2Factor, double dimDivisorCm3PerKg,
                       double residentialSurcharge, double oversizeSurcharge, double hazmatSurcharge,
                       List<ServiceRates> services) {

    private static final double KM_PER_MILE = 1.609344;

    public RateCard {
        Objects.requireNonNull(carrier);
        services = List.copyOf(services);
    }

    public Optional<ServiceRates> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether the carrier takes the parcel at all: hazardous goods only with a licence. */
    public boolean carries(CarrierParcel parcel) {
        return !parcel.hazmat() || hazmatLicensed;
    }

    /** The weight the carrier bills: the actual weight or the dimensional weight, whichever is more. */
    public double billableKg(CarrierParcel parcel) {
        double dimensional = dimDivisorCm3PerKg > 0 ? parcel.volumeCm3() / dimDivisorCm3PerKg : 0;
        return Math.max(parcel.weightKg(), dimensional);
    }

    /** The surcharges the parcel pays on top of the rate. */
    public double surcharges(CarrierParcel parcel) {
        return (parcel.residential() ? residentialSurcharge : 0) + (parcel.oversize() ? oversizeSurcharge : 0)
                + (parcel.hazmat() ? hazmatSurcharge : 0);
    }

    /** kg CO2e of the parcel by this service: tonne-km of its actual weight × the service factor × the fleet factor. */
    public double co2Kg(ServiceRates service, double miles, double weightKg) {
        return miles * KM_PER_MILE * (weightKg / 1000) * service.kgCo2ePerTonneKm() * fleetCo2Factor;
    }

    public CarrierQuote quote(ServiceRates service, int zone, CarrierParcel parcel) {
        double billable = billableKg(parcel);
        double price = Math.round((service.rate(zone, billable) + surcharges(parcel)) * 100.0) / 100.0;
        return new CarrierQuote(carrier, service.name(), zone, billable, price, service.transitDays(zone),
                co2Kg(service, parcel.miles(), parcel.weightKg()));
    }
}
