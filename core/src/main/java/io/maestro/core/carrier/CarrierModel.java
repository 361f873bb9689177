package io.maestro.core.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The carriers Maestro ships with, loaded from their rate card files ({@link RateCardFiles}): zones from distance,
 * and every carrier's card. Allocation estimates, the carrier choice, the label and the sandbox carriers all price
 * parcels here, so an estimate and the label it becomes come from the same numbers.
 *
 * @param zoneMaxMiles upper distance of zones 1..n−1, ascending; beyond the last is zone n
 */
public record CarrierModel(double[] zoneMaxMiles, List<RateCard> cards) {

    public CarrierModel {
        zoneMaxMiles = zoneMaxMiles.clone();
        cards = List.copyOf(cards);
    }

    /** The cards shipped with Maestro: SWIFT, THRIFT and GREENLINE, the sandbox carriers. */
    public static CarrierModel demo() {
        return RateCardFiles.fromClasspath(RateCardFiles.DEMO_LOCATION);
    }

    public int zones() {
        return zoneMaxMiles.length + 1;
    }

    /** Zone 1 (closest) .. n for a distance. */
    public int zone(double miles) {
        for (int z = 0; z < zoneMaxMiles.length; z++) {
            if (miles <= zoneMaxMiles[z]) {
                return z + 1;
            }
        }
        return zoneMaxMiles.length + 1;
    }

    public Optional<RateCard> card(String carrier) {
        return cards.stream().filter(c -> c.carrier().equals(carrier)).findFirst();
    }

    /** Every carrier service's quote for the parcel, among carriers that carry it. */
    public List<CarrierQuote> quotes(CarrierParcel parcel) {
        int zone = zone(parcel.miles());
        List<CarrierQuote> quotes = new ArrayList<>();
        for (RateCard card : cards) {
            if (card.carries(parcel)) {
                for (ServiceRates service : card.services()) {
                    quotes.add(card.quote(service, zone, parcel));
                }
            }
        }
        return quotes;
    }

    /** One carrier's quotes for the parcel; none when it does not carry it. */
    public List<CarrierQuote> quotes(String carrier, CarrierParcel parcel) {
        return quotes(parcel).stream().filter(q -> q.carrier().equals(carrier)).toList();
    }

    public Optional<CarrierQuote> quote(String carrier, String service, CarrierParcel parcel) {
        return quotes(carrier, parcel).stream().filter(q -> q.service().equals(service)).findFirst();
    }
}
