package io.maestro.workers.allocation.cost;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.ServiceRates;
import io.maestro.core.carrier.ShippingTerms;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One carrier of core's {@link CarrierModel}, as the engine asks it: weights in lb, the services the order's
 * {@link ShippingTerms} allow (what DMN {@code carrier-selection} answered for its parcels), and the surcharges its
 * parcels pay. The engine prices shipping nowhere else.
 */
public final class CarrierRateCard implements RateCard {

    public static final double LB_PER_KG = 2.20462262185;

    private final CarrierModel model;
    private final io.maestro.core.carrier.RateCard card;
    private final ShippingTerms terms;
    private final List<Service> services;
    /** [{@link Service#ordinal()}]: the service's index, -1 when the terms do not allow it. */
    private final int[] indexByService;
    /** [service index]: the core service. */
    private final ServiceRates[] rates;
    /** [service index][zone - 1]: the service's lane in the zone but for the distance's emissions. */
    private final ZoneLane[][] zoneLanes;
    private static final int SURCHARGES = 0;
    private static final int INTERCEPT = 1;
    private static final int PER_LB = 2;

    private CarrierRateCard(CarrierModel model, io.maestro.core.carrier.RateCard card, ShippingTerms terms,
                            List<ServiceRates> allowed) {
        this.model = model;
        this.card = card;
        this.terms = terms;
        this.rates = allowed.toArray(ServiceRates[]::new);
        this.services = allowed.stream().map(s -> Service.valueOf(s.name())).toList();
        this.indexByService = new int[Service.values().length];
        Arrays.fill(indexByService, -1);
        for (int index = 0; index < services.size(); index++) {
            indexByService[services.get(index).ordinal()] = index;
        }
        this.zoneLanes = new ZoneLane[rates.length][model.zones()];
        for (int index = 0; index < rates.length; index++) {
            for (int zone = 1; zone <= model.zones(); zone++) {
                double[] plane = plane(index, zone);
                zoneLanes[index][zone - 1] = new ZoneLane(rates[index], zone, plane[SURCHARGES], plane[INTERCEPT],
                        plane[PER_LB], rates[index].transitDays(zone), card.dimDivisorCm3PerKg());
            }
        }
    }

    /**
     * Every carrier of the model that may carry parcels on these terms, with the services the terms allow. The terms
     * are decided once per order; the cards are then asked for every candidate.
     */
    public static List<RateCard> of(CarrierModel model, ShippingTerms terms) {
        List<RateCard> cards = new ArrayList<>();
        for (io.maestro.core.carrier.RateCard card : model.cards()) {
            List<ServiceRates> allowed = card.services().stream().filter(s -> terms.allows(card, s)).toList();
            if (!allowed.isEmpty()) {
                cards.add(new CarrierRateCard(model, card, terms, allowed));
            }
        }
        return cards;
    }

    /** The demo carriers, a parcel to a home with no special goods. */
    public static List<RateCard> demo() {
        return of(CarrierModel.demo(), ShippingTerms.UNCONSTRAINED);
    }

    @Override
    public String carrier() {
        return card.carrier();
    }

    @Override
    public List<Service> services() {
        return services;
    }

    @Override
    public int transitDays(Service service, double miles) {
        return rates(service).transitDays(model.zone(miles));
    }

    @Override
    public double price(Service service, double miles, double weightLb, int units) {
        return lane(service, miles).price(weightLb, units);
    }

    @Override
    public double co2Kg(Service service, double miles, double weightLb) {
        return card.co2Kg(rates(service), miles, weightLb / LB_PER_KG);
    }

    @Override
    public double unitPriceFloor(double miles) {
        return 0;
    }

    @Override
    public double co2PerLbFloor(double miles) {
        double least = Double.POSITIVE_INFINITY;
        for (ServiceRates service : rates) {
            least = Math.min(least, card.co2Kg(service, miles, 1 / LB_PER_KG));
        }
        return least;
    }

    @Override
    public Lane lane(Service service, double miles) {
        int index = indexOf(service);
        return new DistanceLane(zoneLanes[index][model.zone(miles) - 1],
                card.co2Kg(rates[index], miles, 1 / LB_PER_KG));
    }

    /** Every service's lane, in {@link #services()} order, the distance's zone looked up once. */
    @Override
    public Lane[] lanes(double miles) {
        int zone = model.zone(miles);
        Lane[] lanes = new Lane[rates.length];
        for (int index = 0; index < rates.length; index++) {
            lanes[index] = new DistanceLane(zoneLanes[index][zone - 1], card.co2Kg(rates[index], miles, 1 / LB_PER_KG));
        }
        return lanes;
    }

    /** What a service charges in one zone, made once per card; a lane adds its distance's emissions. */
    private record ZoneLane(ServiceRates rate, int zone, double surcharges, double intercept, double perLb,
                            int transitDays, double divisor) {
    }

    private record DistanceLane(ZoneLane terms, double co2PerLb) implements Lane {
        @Override
        public double price(double weightLb, int units) {
            return Math.round((terms.rate.rate(terms.zone, weightLb / LB_PER_KG) + terms.surcharges) * 100.0) / 100.0;
        }

        @Override
        public double price(double weightLb, double volumeCm3, int units) {
            double divisor = terms.divisor;
            double billableKg = volumeCm3 > 0 && divisor > 0
                    ? Math.max(weightLb / LB_PER_KG, volumeCm3 / divisor) : weightLb / LB_PER_KG;
            return Math.round((terms.rate.rate(terms.zone, billableKg) + terms.surcharges) * 100.0) / 100.0;
        }

        @Override
        public double co2Kg(double weightLb) {
            return co2PerLb * weightLb;
        }

        @Override
        public int transitDays() {
            return terms.transitDays;
        }

        @Override
        public double priceIntercept() {
            return terms.intercept;
        }

        @Override
        public double pricePerLbFloor() {
            return terms.perLb;
        }
    }

    /**
     * The service's price plane in a zone — {@code [surcharges, intercept with surcharges, $ per lb]}, no parcel
     * below it — computed once per service and zone when the card is made (every order asks at every node).
     */
    private double[] plane(int index, int zone) {
        ServiceRates rate = rates[index];
        double surcharges = card.surcharges(terms.parcel(0, 0));
        double[] breaks = rate.weightBreaksKg();
        double[][] prices = rate.priceByBreakAndZone();
        double slopePerKg = rate.lastStepPerKg(zone);
        for (int b = 1; b < breaks.length; b++) {
            slopePerKg = Math.min(slopePerKg, (prices[b][zone - 1] - prices[b - 1][zone - 1]) / (breaks[b] - breaks[b - 1]));
        }
        double intercept = Double.POSITIVE_INFINITY;
        for (int b = 0; b < breaks.length; b++) {
            intercept = Math.min(intercept, prices[b][zone - 1] - slopePerKg * breaks[b]);
        }
        return new double[] {surcharges, intercept + surcharges, slopePerKg / LB_PER_KG};
    }

    private ServiceRates rates(Service service) {
        return rates[indexOf(service)];
    }

    private int indexOf(Service service) {
        int index = indexByService[service.ordinal()];
        if (index < 0) {
            throw new IllegalArgumentException(card.carrier() + " does not offer " + service + " on these terms");
        }
        return index;
    }
}
