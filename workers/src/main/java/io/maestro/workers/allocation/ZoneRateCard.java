package io.maestro.workers.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parcel carrier's published rates: the zone comes from the distance, the price from
 * zone × weight break × service. Weights above the last break pay the last break's price plus
 * the last per-lb step for every extra lb.
 */
public final class ZoneRateCard implements RateCard {

    private static final double WEIGHT_TOLERANCE_LB = 1e-6;

    private final String carrier;
    private final List<Service> services;
    private final double[] zoneUpperMiles;
    private final double[] weightBreaksLb;
    private final double[][][] price;
    private final int[][] transitDays;
    private final EmissionFactors emissions;
    /** [service][zone]: the price plane's slope per lb and intercept, computed once (lanes are asked per order). */
    private final double[][] laneSlope;
    private final double[][] laneIntercept;
    /** [service index]: kg CO2e per lb-mile; and the least of them. */
    private final double[] co2PerLbMile;
    private final double leastCo2PerLbMile;
    /** [service ordinal]: its index in {@link #services}, -1 when not offered. */
    private final int[] indexOfService;
    /** [whole lb up to the last break]: the first break at or above it. */
    private final int[] breakAtOrAbove;

    /**
     * @param zoneUpperMiles upper distance of each zone, ascending; the last zone is open-ended
     * @param weightBreaksLb billable weight breaks, ascending
     * @param price          [service][zone][weight break], non-decreasing in weight
     * @param transitDays    [service][zone]
     */
    public ZoneRateCard(String carrier, List<Service> services, double[] zoneUpperMiles, double[] weightBreaksLb,
                        double[][][] price, int[][] transitDays, EmissionFactors emissions) {
        this.carrier = Objects.requireNonNull(carrier);
        this.services = List.copyOf(services);
        this.zoneUpperMiles = zoneUpperMiles.clone();
        this.weightBreaksLb = weightBreaksLb.clone();
        this.price = price;
        this.transitDays = transitDays;
        this.emissions = Objects.requireNonNull(emissions);
        for (int b = 1; b < weightBreaksLb.length; b++) {
            if (weightBreaksLb[b] <= weightBreaksLb[b - 1]) {
                throw new IllegalArgumentException(carrier + ": weight breaks must ascend");
            }
        }
        for (double[][] byZone : price) {
            for (double[] byWeight : byZone) {
                for (int w = 1; w < byWeight.length; w++) {
                    if (byWeight[w] < byWeight[w - 1]) {
                        throw new IllegalArgumentException(carrier + ": price falls with weight");
                    }
                }
            }
        }
        this.indexOfService = new int[Service.values().length];
        Arrays.fill(indexOfService, -1);
        for (int s = 0; s < this.services.size(); s++) {
            indexOfService[this.services.get(s).ordinal()] = s;
        }
        this.co2PerLbMile = new double[this.services.size()];
        for (int s = 0; s < co2PerLbMile.length; s++) {
            co2PerLbMile[s] = emissions.co2Kg(this.services.get(s), 1.0, 1.0);
        }
        this.leastCo2PerLbMile = emissions.minimumPerLbMile(this.services);
        this.laneSlope = new double[price.length][];
        this.laneIntercept = new double[price.length][];
        for (int s = 0; s < price.length; s++) {
            laneSlope[s] = new double[price[s].length];
            laneIntercept[s] = new double[price[s].length];
            for (int z = 0; z < price[s].length; z++) {
                laneSlope[s][z] = slope(price[s][z]);
                laneIntercept[s][z] = intercept(price[s][z], laneSlope[s][z]);
            }
        }
        int lastWholeLb = (int) Math.floor(weightBreaksLb[weightBreaksLb.length - 1]);
        this.breakAtOrAbove = new int[lastWholeLb + 1];
        for (int lb = 0; lb <= lastWholeLb; lb++) {
            int at = Arrays.binarySearch(this.weightBreaksLb, lb);
            breakAtOrAbove[lb] = at >= 0 ? at : -at - 1;
        }
    }

    private double slope(double[] byWeight) {
        int last = weightBreaksLb.length - 1;
        double slope = (byWeight[last] - byWeight[last - 1]) / (weightBreaksLb[last] - weightBreaksLb[last - 1]);
        for (int b = 1; b < weightBreaksLb.length; b++) {
            slope = Math.min(slope, (byWeight[b] - byWeight[b - 1]) / (weightBreaksLb[b] - weightBreaksLb[b - 1]));
        }
        return slope;
    }

    private double intercept(double[] byWeight, double slope) {
        double intercept = Double.POSITIVE_INFINITY;
        for (int b = 0; b < weightBreaksLb.length; b++) {
            intercept = Math.min(intercept, byWeight[b] - slope * weightBreaksLb[b]);
        }
        return intercept;
    }

    /**
     * The standard card: zones 2–8 (≤150, ≤300, ≤600, ≤1000, ≤1400, ≤1800, beyond miles), breaks 1–150 lb.
     * Ground costs $8.50 + $0.55 per zone step + ($0.30 + $0.07 per zone step) per lb above 1;
     * two-day 2.1 × ground + $2; overnight 3.4 × ground + $5.
     */
    public static ZoneRateCard standard() {
        double[] zones = {150, 300, 600, 1000, 1400, 1800, Double.POSITIVE_INFINITY};
        double[] breaks = {1, 2, 3, 5, 10, 20, 30, 50, 70, 100, 150};
        List<Service> services = List.of(Service.GROUND, Service.TWO_DAY, Service.OVERNIGHT);
        double[][][] price = new double[3][zones.length][breaks.length];
        for (int z = 0; z < zones.length; z++) {
            for (int b = 0; b < breaks.length; b++) {
                double ground = 8.50 + 0.55 * z + (0.30 + 0.07 * z) * (breaks[b] - 1);
                price[0][z][b] = round2(ground);
                price[1][z][b] = round2(2.1 * ground + 2.0);
                price[2][z][b] = round2(3.4 * ground + 5.0);
            }
        }
        int[][] days = {
                {1, 2, 3, 4, 4, 5, 5},
                {1, 2, 2, 2, 2, 2, 2},
                {1, 1, 1, 1, 1, 1, 1}};
        return new ZoneRateCard("National Parcel", services, zones, breaks, price, days, EmissionFactors.standard());
    }

    private static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** Carrier zone number (2 = closest) for a distance. */
    public int zone(double miles) {
        return zoneIndex(miles) + 2;
    }

    private int zoneIndex(double miles) {
        for (int z = 0; z < zoneUpperMiles.length; z++) {
            if (miles <= zoneUpperMiles[z]) {
                return z;
            }
        }
        return zoneUpperMiles.length - 1;
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public List<Service> services() {
        return services;
    }

    @Override
    public int transitDays(Service service, double miles) {
        return transitDays[serviceIndex(service)][zoneIndex(miles)];
    }

    @Override
    public double price(Service service, double miles, double weightLb, int units) {
        return priceByWeight(price[serviceIndex(service)][zoneIndex(miles)], weightLb);
    }

    @Override
    public Lane lane(Service service, double miles) {
        int s = serviceIndex(service);
        int z = zoneIndex(miles);
        double[] byWeight = price[s][z];
        double co2PerLb = co2PerLbMile[s] * miles;
        double lineSlope = laneSlope[s][z];
        double lineIntercept = laneIntercept[s][z];
        return new Lane() {
            @Override
            public double priceIntercept() {
                return lineIntercept;
            }

            @Override
            public double pricePerLbFloor() {
                return lineSlope;
            }

            @Override
            public double price(double weightLb, int units) {
                return priceByWeight(byWeight, weightLb);
            }

            @Override
            public double co2Kg(double weightLb) {
                return co2PerLb * weightLb;
            }
        };
    }

    private double priceByWeight(double[] byWeight, double weightLb) {
        // weights are sums of doubles: 0.7 + 0.3 must bill as 1 lb, not 2
        double billable = Math.max(weightBreaksLb[0], Math.ceil(weightLb - WEIGHT_TOLERANCE_LB));
        if (billable < breakAtOrAbove.length) {
            return byWeight[breakAtOrAbove[(int) billable]];
        }
        int last = weightBreaksLb.length - 1;
        double perLb = (byWeight[last] - byWeight[last - 1]) / (weightBreaksLb[last] - weightBreaksLb[last - 1]);
        return byWeight[last] + perLb * (billable - weightBreaksLb[last]);
    }

    @Override
    public double co2Kg(Service service, double miles, double weightLb) {
        return emissions.co2Kg(service, miles, weightLb);
    }

    @Override
    public double unitPriceFloor(double miles) {
        return 0;
    }

    @Override
    public double co2PerLbFloor(double miles) {
        return leastCo2PerLbMile * miles;
    }

    private int serviceIndex(Service service) {
        int index = indexOfService[service.ordinal()];
        if (index < 0) {
            throw new IllegalArgumentException(carrier + " does not offer " + service);
        }
        return index;
    }
}
