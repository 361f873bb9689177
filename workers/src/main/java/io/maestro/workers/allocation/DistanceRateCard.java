package io.maestro.workers.allocation;

import java.util.List;

/**
 * Ground shipping priced per unit and mile, as in the e-commerce fulfilment literature
 * (Jasin &amp; Sinha 2015; Ma 2023: $0.000541 per unit-mile on top of per-shipment and per-unit handling).
 * Transit days follow the ground zones of {@link ZoneRateCard#standard()}.
 */
public final class DistanceRateCard implements RateCard {

    private static final ZoneRateCard ZONES = ZoneRateCard.standard();

    private final String carrier;
    private final double pricePerUnitMile;
    private final EmissionFactors emissions;

    public DistanceRateCard(String carrier, double pricePerUnitMile, EmissionFactors emissions) {
        this.carrier = carrier;
        this.pricePerUnitMile = pricePerUnitMile;
        this.emissions = emissions;
    }

    public static DistanceRateCard literature() {
        return new DistanceRateCard("Literature Ground", 0.000541, EmissionFactors.standard());
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public List<Service> services() {
        return List.of(Service.GROUND);
    }

    @Override
    public int transitDays(Service service, double miles) {
        return ZONES.transitDays(Service.GROUND, miles);
    }

    @Override
    public double price(Service service, double miles, double weightLb, int units) {
        return pricePerUnitMile * miles * units;
    }

    @Override
    public double co2Kg(Service service, double miles, double weightLb) {
        return emissions.co2Kg(Service.GROUND, miles, weightLb);
    }

    @Override
    public double unitPriceFloor(double miles) {
        return pricePerUnitMile * miles;
    }

    @Override
    public double co2PerLbFloor(double miles) {
        return emissions.co2Kg(Service.GROUND, miles, 1.0);
    }
}
