package io.maestro.workers.forecast.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A quantile regression forest (Meinshausen 2006) in plain Java: regression trees grown on a random share of the
 * rows, each split the best of a random subset of features by the squared error of {@code log(1 + target)} (so a
 * split separates relative, not absolute, differences in demand), a leaf at least {@code minLeaf} rows; each leaf
 * keeps the raw values of every target of its rows, and a query's distribution of a target is its leaves' values,
 * each tree weighing the same ({@link ForestDistribution}). Candidate thresholds are up to {@code bins} quantiles of
 * each feature. Deterministic for a seed.
 */
public final class QuantileForest {

    /** How the forest is grown. */
    public record Parameters(int trees, int minLeaf, double featureShare, double rowShare, int bins, long seed) {

        public Parameters {
            if (trees < 1 || minLeaf < 1 || featureShare <= 0 || featureShare > 1 || rowShare <= 0 || rowShare > 1
                    || bins < 2) {
                throw new IllegalArgumentException("bad forest parameters");
            }
        }
    }

    private final List<Tree> trees;

    private QuantileForest(List<Tree> trees) {
        this.trees = trees;
    }

    /**
     * Grows the forest.
     *
     * @param features one row of features per training example
     * @param targets  {@code targets[k][row]}: the values of target {@code k}; the splits follow target 0
     */
    public static QuantileForest train(double[][] features, double[][] targets, Parameters parameters) {
        int rows = features.length;
        if (rows == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int width = features[0].length;
        double[][] edges = new double[width][];
        int[][] binned = new int[width][rows];
        for (int f = 0; f < width; f++) {
            edges[f] = edges(features, f, parameters.bins());
            for (int r = 0; r < rows; r++) {
                binned[f][r] = bin(edges[f], features[r][f]);
            }
        }
        double[] split = Arrays.stream(targets[0]).map(Math::log1p).toArray();
        SplittableRandom random = new SplittableRandom(parameters.seed());
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < parameters.trees(); t++) {
            int[] sample = sample(rows, parameters.rowShare(), random);
            Tree tree = new Tree();
            tree.grow(sample, binned, edges, split, targets, parameters, random);
            trees.add(tree);
        }
        return new QuantileForest(trees);
    }

    /** The distribution of target {@code target} for these features. */
    public ForestDistribution distribution(double[] features, int target) {
        List<double[]> leaves = new ArrayList<>(trees.size());
        for (Tree tree : trees) {
            leaves.add(tree.leafOf(features)[target]);
        }
        return new ForestDistribution(leaves);
    }

    /** Up to {@code bins - 1} distinct thresholds at the feature's quantiles: a value ≤ edge j is in bin ≤ j. */
    static double[] edges(double[][] features, int f, int bins) {
        double[] values = Arrays.stream(features).mapToDouble(row -> row[f]).sorted().toArray();
        double[] edges = new double[bins - 1];
        int count = 0;
        for (int j = 1; j < bins; j++) {
            double edge = values[Math.min(values.length - 1, (int) ((long) j * values.length / bins))];
            if (edge < values[values.length - 1] && (count == 0 || edge > edges[count - 1])) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    static int bin(double[] edges, double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (value <= edges[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static int[] sample(int rows, double share, SplittableRandom random) {
        if (share >= 1) {
            int[] all = new int[rows];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int size = Math.max(1, (int) Math.round(rows * share));
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(rows - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, size);
        Arrays.sort(chosen);
        return chosen;
    }

    /** One tree: internal nodes split feature ≤ threshold to the left; leaves keep each target's sorted values. */
    private static final class Tree {

        private final List<Integer> feature = new ArrayList<>();
        private final List<Double> threshold = new ArrayList<>();
        private final List<Integer> left = new ArrayList<>();
        private final List<Integer> right = new ArrayList<>();
        private final List<double[][]> leaf = new ArrayList<>();

        double[][] leafOf(double[] features) {
            int node = 0;
            while (leaf.get(node) == null) {
                node = features[feature.get(node)] <= threshold.get(node) ? left.get(node) : right.get(node);
            }
            return leaf.get(node);
        }

        void grow(int[] rows, int[][] binned, double[][] edges, double[] split, double[][] targets,
                  Parameters parameters, SplittableRandom random) {
            int node = feature.size();
            feature.add(-1);
            threshold.add(Double.NaN);
            left.add(-1);
            right.add(-1);
            leaf.add(null);
            int[] best = rows.length >= 2 * parameters.minLeaf()
                    ? bestSplit(rows, binned, edges, split, parameters, random) : null;
            if (best == null) {
                double[][] values = new double[targets.length][rows.length];
                for (int k = 0; k < targets.length; k++) {
                    for (int i = 0; i < rows.length; i++) {
                        values[k][i] = targets[k][rows[i]];
                    }
                    Arrays.sort(values[k]);
                }
                leaf.set(node, values);
                return;
            }
            int f = best[0];
            int cut = best[1];
            int[] lower = Arrays.stream(rows).filter(r -> binned[f][r] <= cut).toArray();
            int[] upper = Arrays.stream(rows).filter(r -> binned[f][r] > cut).toArray();
            feature.set(node, f);
            threshold.set(node, edges[f][cut]);
            left.set(node, feature.size());
            grow(lower, binned, edges, split, targets, parameters, random);
            right.set(node, feature.size());
            grow(upper, binned, edges, split, targets, parameters, random);
        }

        /** {feature, bin} of the split that lowers the squared error most, both sides at least minLeaf; null if none. */
        private static int[] bestSplit(int[] rows, int[][] binned, double[][] edges, double[] split,
                                       Parameters parameters, SplittableRandom random) {
            int width = binned.length;
            int tried = Math.max(1, (int) Math.round(width * parameters.featureShare()));
            int[] order = new int[width];
            Arrays.setAll(order, i -> i);
            for (int i = 0; i < tried; i++) {
                int j = i + random.nextInt(width - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double total = 0;
            for (int r : rows) {
                total += split[r];
            }
            double base = total * total / rows.length;
            double bestGain = 1e-12;
            int[] best = null;
            for (int i = 0; i < tried; i++) {
                int f = order[i];
                int bins = edges[f].length + 1;
                if (bins < 2) {
                    continue;
                }
                double[] sums = new double[bins];
                int[] counts = new int[bins];
                for (int r : rows) {
                    sums[binned[f][r]] += split[r];
                    counts[binned[f][r]]++;
                }
                double sumLeft = 0;
                int countLeft = 0;
                for (int b = 0; b < bins - 1; b++) {
                    sumLeft += sums[b];
                    countLeft += counts[b];
                    int countRight = rows.length - countLeft;
                    if (countLeft < parameters.minLeaf() || countRight < parameters.minLeaf()) {
                        continue;
                    }
                    double sumRight = total - sumLeft;
                    double gain = sumLeft * sumLeft / countLeft + sumRight * sumRight / countRight - base;
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = new int[] {f, b};
                    }
                }
            }
            return best;
        }
    }
}
