package io.maestro.workers.allocation.model;

import java.util.List;

/**
 * A carrier's prices, transit times and emissions for one parcel.
 * Prices and emissions never fall when weight or units are added to a parcel; the engine's bounds rely on it.
 */
public interface RateCard {

    String carrier();

    List<Service> services();

    int transitDays(Service service, double miles);

    double price(Service service, double miles, double weightLb, int units);

    double co2Kg(Service service, double miles, double weightLb);

    /** The least the price rises, for any service, per unit added to a parcel travelling {@code miles}. */
    double unitPriceFloor(double miles);

    /** The least the emissions rise, for any service, per lb added to a parcel travelling {@code miles}. */
    double co2PerLbFloor(double miles);

    /** Prices and emissions of one service over one distance, asked many times while one order is planned. */
    interface Lane {
        double price(double weightLb, int units);

        /**
         * The price of a parcel of {@code volumeCm3} (its units' length × width × height): a card with a
         * dimensional-weight divisor bills the larger of the actual and the dimensional weight; one without, or a
         * parcel of unknown volume (0), bills the actual weight. Never below {@link #price(double, int)}.
         */
        default double price(double weightLb, double volumeCm3, int units) {
            return price(weightLb, units);
        }

        double co2Kg(double weightLb);

        /** Days in transit over this distance. */
        int transitDays();

        /**
         * With {@link #pricePerLbFloor()}, a plane that never lies above the price:
         * price(lb, units) ≥ intercept + perLbFloor × lb + unitPriceFloor × units.
         */
        default double priceIntercept() {
            return price(0, 0);
        }

        default double pricePerLbFloor() {
            return 0;
        }
    }

    default Lane lane(Service service, double miles) {
        return new Lane() {
            @Override
            public double price(double weightLb, int units) {
                return RateCard.this.price(service, miles, weightLb, units);
            }

            @Override
            public double co2Kg(double weightLb) {
                return RateCard.this.co2Kg(service, miles, weightLb);
            }

            @Override
            public int transitDays() {
                return RateCard.this.transitDays(service, miles);
            }
        };
    }

    /** Every service's lane over {@code miles}, in {@link #services()} order. */
    default Lane[] lanes(double miles) {
        return services().stream().map(service -> lane(service, miles)).toArray(Lane[]::new);
    }

    default ServiceQuote quote(Service service, double miles, double weightLb, int units) {
        return new ServiceQuote(carrier(), service, price(service, miles, weightLb, units),
                transitDays(service, miles), co2Kg(service, miles, weightLb));
    }
}
