package io.maestro.workers.forecast.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One model across all series that gives the distribution of the next bucket's demand and of the next
 * {@code leadBuckets} buckets' total directly, from {@link DemandFeatures}: a {@link QuantileForest} learned on
 * rolling origins of every series (each series × origin from {@code firstOrigin} on, whose next {@code leadBuckets}
 * buckets are in its history, is a training row). An order-up-to level is then the lead-time distribution's quantile
 * at the target service: how demand spreads around what a series looked like is learned from the data, not assumed.
 */
public final class GlobalQuantileModel {

    private final QuantileForest forest;
    private final int leadBuckets;
    private final int rows;

    private GlobalQuantileModel(QuantileForest forest, int leadBuckets, int rows) {
        this.forest = forest;
        this.leadBuckets = leadBuckets;
        this.rows = rows;
    }

    public static GlobalQuantileModel learn(List<double[]> series, int leadBuckets, int firstOrigin,
                                            QuantileForest.Parameters parameters) {
        List<double[]> features = new ArrayList<>();
        List<double[]> next = new ArrayList<>();
        for (double[] values : series) {
            for (int origin = Math.max(1, firstOrigin); origin + leadBuckets <= values.length; origin++) {
                double[] history = Arrays.copyOf(values, origin);
                double lead = 0;
                for (int t = origin; t < origin + leadBuckets; t++) {
                    lead += values[t];
                }
                features.add(DemandFeatures.of(history));
                next.add(new double[] {lead, values[origin]});
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no series has " + leadBuckets + " buckets after origin " + firstOrigin);
        }
        double[][] targets = new double[2][next.size()];
        for (int r = 0; r < next.size(); r++) {
            targets[0][r] = next.get(r)[0];
            targets[1][r] = next.get(r)[1];
        }
        QuantileForest forest = QuantileForest.train(features.toArray(double[][]::new), targets, parameters);
        return new GlobalQuantileModel(forest, leadBuckets, features.size());
    }

    /** The distribution of the next {@code leadBuckets} buckets' total demand after this history. */
    public ForestDistribution overLead(double[] history) {
        return forest.distribution(DemandFeatures.of(history), 0);
    }

    /** The distribution of the next bucket's demand after this history. */
    public ForestDistribution next(double[] history) {
        return forest.distribution(DemandFeatures.of(history), 1);
    }

    public int leadBuckets() {
        return leadBuckets;
    }

    /** How many series × origins it learned on. */
    public int rows() {
        return rows;
    }
}
