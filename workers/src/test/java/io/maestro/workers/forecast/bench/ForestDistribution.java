package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.DemandDistribution;
import java.util.Arrays;
import java.util.List;

/**
 * A quantile regression forest's distribution for one query: each tree's leaf weighs 1 / trees, each training value
 * in it an equal share of that; P(demand ≤ q) is the weighted share of values ≤ q.
 */
public final class ForestDistribution implements DemandDistribution {

    private final List<double[]> leaves;

    /** @param leaves one leaf per tree, its training values sorted */
    public ForestDistribution(List<double[]> leaves) {
        if (leaves.isEmpty() || leaves.stream().anyMatch(leaf -> leaf.length == 0)) {
            throw new IllegalArgumentException("every tree needs a non-empty leaf");
        }
        this.leaves = List.copyOf(leaves);
    }

    @Override
    public double mean() {
        return leaves.stream().mapToDouble(leaf -> Arrays.stream(leaf).average().orElseThrow()).average().orElseThrow();
    }

    /** P(demand ≤ q). */
    public double cdf(double q) {
        double share = 0;
        for (double[] leaf : leaves) {
            share += (double) atMost(leaf, q) / leaf.length;
        }
        return share / leaves.size();
    }

    @Override
    public long quantile(double p) {
        long high = (long) Math.ceil(leaves.stream().mapToDouble(leaf -> leaf[leaf.length - 1]).max().orElseThrow());
        return CdfSearch.least(this::cdf, 0, high, p);
    }

    private static int atMost(double[] sorted, double q) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= q) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
