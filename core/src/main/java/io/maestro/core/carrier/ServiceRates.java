package io.maestro.core.carrier;

import java.util.Arrays;
import java.util.Objects;

/**
 * One service of one carrier: price by weight break and zone, transit days by zone, emissions factor.
 * A parcel bills at the first break at or above its billable weight; above the last break it pays the last
 * break's price plus the last step's price per kg for every started kg beyond it.
 *
 * @param priceByBreakAndZone [break][zone − 1], non-decreasing in weight
 * @param transitDaysByZone   [zone − 1]
 */
public record ServiceRates(ServiceLevel level, double kgCo2ePerTonneKm, double[] weightBreaksKg,
                           double[][] priceByBreakAndZone, int[] transitDaysByZone) {

    private static final double WEIGHT_TOLERANCE_KG = 1e-9;

    public ServiceRates {
        Objects.requireNonNull(level);
        weightBreaksKg = weightBreaksKg.clone();
        priceByBreakAndZone = Arrays.stream(priceByBreakAndZone).map(double[]::clone).toArray(double[][]::new);
        transitDaysByZone = transitDaysByZone.clone();
    }

    public String name() {
        return level.name();
    }

    /** The rate (no surcharges) for a parcel of {@code billableKg} to {@code zone} (1-based). */
    public double rate(int zone, double billableKg) {
        int z = zone - 1;
        for (int b = 0; b < weightBreaksKg.length; b++) {
            if (billableKg <= weightBreaksKg[b] + WEIGHT_TOLERANCE_KG) {
                return priceByBreakAndZone[b][z];
            }
        }
        int last = weightBreaksKg.length - 1;
        double beyond = Math.ceil(billableKg - weightBreaksKg[last] - WEIGHT_TOLERANCE_KG);
        return priceByBreakAndZone[last][z] + lastStepPerKg(zone) * beyond;
    }

    /** The last step's price per kg to {@code zone}, charged for each started kg above the last break. */
    public double lastStepPerKg(int zone) {
        int last = weightBreaksKg.length - 1;
        if (last == 0) {
            return 0;
        }
        return (priceByBreakAndZone[last][zone - 1] - priceByBreakAndZone[last - 1][zone - 1])
                / (weightBreaksKg[last] - weightBreaksKg[last - 1]);
    }

    public int transitDays(int zone) {
        return transitDaysByZone[zone - 1];
    }
}
