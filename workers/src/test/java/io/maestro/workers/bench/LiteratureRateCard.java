package io.maestro.workers.bench;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.ServiceRates;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import java.util.List;

/**
 * Benchmark only ({@code --costs literature}): ground shipping priced per unit and mile, as in the e-commerce
 * fulfilment literature (Jasin &amp; Sinha 2015; Ma 2023: $0.000541 per unit-mile on top of per-shipment and
 * per-unit handling), to compare with published results. Transit days are the demo model's SWIFT ground days;
 * emissions 0.161 kg CO2e per short-ton-mile (US EPA SmartWay average truck). Live allocation never uses it.
 */
public final class LiteratureRateCard implements RateCard {

    private static final double KG_PER_LB_MILE = 0.161 / 2000.0;

    private final CarrierModel zones = CarrierModel.demo();
    private final ServiceRates ground = zones.card("SWIFT").orElseThrow().service("GROUND").orElseThrow();
    private final double pricePerUnitMile;

    public LiteratureRateCard(double pricePerUnitMile) {
        this.pricePerUnitMile = pricePerUnitMile;
    }

    public static LiteratureRateCard literature() {
        return new LiteratureRateCard(0.000541);
    }

    @Override
    public String carrier() {
        return "Literature Ground";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.GROUND);
    }

    @Override
    public int transitDays(Service service, double miles) {
        return ground.transitDays(zones.zone(miles));
    }

    @Override
    public double price(Service service, double miles, double weightLb, int units) {
        return pricePerUnitMile * miles * units;
    }

    @Override
    public double co2Kg(Service service, double miles, double weightLb) {
        return KG_PER_LB_MILE * miles * weightLb;
    }

    @Override
    public double unitPriceFloor(double miles) {
        return pricePerUnitMile * miles;
    }

    @Override
    public double co2PerLbFloor(double miles) {
        return KG_PER_LB_MILE * miles;
    }
}
