package io.maestro.workers.allocation;

import java.util.EnumMap;
import java.util.Map;

/** kg CO2e per short-ton-mile for each service's transport mode. */
public record EmissionFactors(Map<Service, Double> kgPerTonMile) {

    private static final double LB_PER_SHORT_TON = 2000.0;

    public EmissionFactors {
        kgPerTonMile = Map.copyOf(kgPerTonMile);
    }

    /** Road freight for ground (0.161 kg, US EPA SmartWay average truck), air for overnight (1.1 kg),
     *  a road/air mix for two-day (0.5 kg). */
    public static EmissionFactors standard() {
        Map<Service, Double> factors = new EnumMap<>(Service.class);
        factors.put(Service.GROUND, 0.161);
        factors.put(Service.TWO_DAY, 0.5);
        factors.put(Service.OVERNIGHT, 1.1);
        factors.put(Service.PICKUP, 0.0);
        return new EmissionFactors(factors);
    }

    /** CO2e of one parcel: distance × weight × mode factor. */
    public double co2Kg(Service service, double miles, double weightLb) {
        return kgPerTonMile.getOrDefault(service, 0.0) * miles * weightLb / LB_PER_SHORT_TON;
    }

    public double minimumPerLbMile(Iterable<Service> services) {
        double min = Double.POSITIVE_INFINITY;
        for (Service service : services) {
            min = Math.min(min, kgPerTonMile.getOrDefault(service, 0.0) / LB_PER_SHORT_TON);
        }
        return min == Double.POSITIVE_INFINITY ? 0 : min;
    }
}
