package io.maestro.integrations.sandbox;

import io.maestro.integrations.carriers.CarrierRateResponse.ServiceQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox carrier's tariff: a zone (1..8) from the great-circle distance, the weight rounded up to the next
 * weight break, per service a price of {@code base + perZone × (zone − 1) + perKg × break}, transit days per zone,
 * and CO2e per parcel = km × tonnes × the mode factor (road, or air for OVERNIGHT), times the carrier's fleet factor.
 */
public record RateCard(String carrier, boolean hazmatLicensed, double fleetCo2Factor, List<Service> services) {

    /** Upper bound in miles of zones 1..7; beyond the last is zone 8. */
    static final double[] ZONE_LIMITS_MILES = {50, 150, 300, 600, 1000, 1400, 1800};
    /** Chargeable weights in kg; heavier parcels are not carried. */
    static final double[] WEIGHT_BREAKS_KG = {0.5, 1, 2, 5, 10, 20, 30, 50, 70};
    /** kg CO2e per tonne-kilometre. */
    static final double ROAD = 0.11;
    static final double AIR = 1.13;
    private static final double KM_PER_MILE = 1.609344;

    /** One service of the carrier: tariff and transit days for zones 1..8. */
    public record Service(String name, double base, double perZone, double perKg, int[] transitDays, double modeFactor) {
    }

    public static final Map<String, RateCard> SANDBOX = Map.of(
            "SWIFT", new RateCard("SWIFT", false, 1.0, List.of(
                    new Service("GROUND", 8.50, 0.95, 0.85, new int[] {1, 1, 2, 2, 3, 3, 4, 4}, ROAD),
                    new Service("TWO_DAY", 16.00, 2.20, 1.60, new int[] {1, 1, 2, 2, 2, 2, 2, 2}, ROAD * 1.4),
                    new Service("OVERNIGHT", 29.00, 3.80, 2.60, new int[] {1, 1, 1, 1, 1, 1, 1, 1}, AIR))),
            "THRIFT", new RateCard("THRIFT", true, 1.1, List.of(
                    new Service("GROUND", 6.20, 0.70, 0.60, new int[] {2, 2, 3, 4, 5, 5, 6, 7}, ROAD),
                    new Service("TWO_DAY", 12.50, 1.80, 1.20, new int[] {2, 2, 2, 2, 2, 2, 2, 2}, ROAD * 1.4))),
            "GREENLINE", new RateCard("GREENLINE", false, 0.45, List.of(
                    new Service("GROUND", 7.40, 0.80, 0.70, new int[] {2, 2, 3, 3, 4, 5, 5, 6}, ROAD),
                    new Service("TWO_DAY", 14.90, 2.00, 1.40, new int[] {2, 2, 2, 2, 2, 2, 2, 2}, ROAD * 1.4))));

    public static int zone(double miles) {
        for (int i = 0; i < ZONE_LIMITS_MILES.length; i++) {
            if (miles <= ZONE_LIMITS_MILES[i]) {
                return i + 1;
            }
        }
        return 8;
    }

    /** The chargeable weight: the first break at or above the parcel's weight; empty above the last. */
    public static Optional<Double> weightBreak(double kg) {
        for (double limit : WEIGHT_BREAKS_KG) {
            if (kg <= limit) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    /** Every service's quote for the parcel; none when it is too heavy or hazardous goods without a licence. */
    public List<ServiceQuote> quote(double miles, double weightKg, boolean hazmat) {
        Optional<Double> chargeable = weightBreak(weightKg);
        if (chargeable.isEmpty() || weightKg <= 0 || (hazmat && !hazmatLicensed)) {
            return List.of();
        }
        int zone = zone(miles);
        List<ServiceQuote> quotes = new ArrayList<>();
        for (Service s : services) {
            double price = s.base() + s.perZone() * (zone - 1) + s.perKg() * chargeable.get();
            double co2 = miles * KM_PER_MILE * (weightKg / 1000) * s.modeFactor() * fleetCo2Factor;
            quotes.add(new ServiceQuote(s.name(), money(price), "USD", s.transitDays()[zone - 1],
                    BigDecimal.valueOf(co2).setScale(3, RoundingMode.HALF_UP)));
        }
        return quotes;
    }

    public Optional<ServiceQuote> quote(String service, double miles, double weightKg, boolean hazmat) {
        return quote(miles, weightKg, hazmat).stream().filter(q -> q.service().equals(service)).findFirst();
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
