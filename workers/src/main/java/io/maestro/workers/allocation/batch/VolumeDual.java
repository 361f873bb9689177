package io.maestro.workers.allocation.batch;

import io.maestro.workers.allocation.batch.CandidatePlans.Column;
import java.util.Arrays;

/**
 * The relaxation for waves too large for an LP solver to re-solve in time, as its Lagrangian dual over the
 * candidates so far: g(λ) = Σ orders' cheapest candidate at cost + λ·use − λ·limits, maximised over λ ≥ 0 by
 * the volume algorithm (Barahona and Anbil 2000): subgradient steps along the averaged use of the orders'
 * cheapest candidates, which also converges to an approximate relaxed choice. Each step costs one pass over
 * the candidates, so thousands fit where one LP solve would not. Any λ it returns is valid for the bound,
 * which is computed from the real-time optimiser's priced optima, not from this.
 */
final class VolumeDual implements Relaxation {
    /** CPU seconds of steps per pricing round (about 2,000 steps on L). */
    private static final double ROUND_SECONDS = 2;
    /** Steps aim this far (relative) above the better of the dual's value and the best bound. */
    private static final double AIM = 0.03;
    /** Steps without a better value before the step factor shrinks; ten times this ends a round. */
    private static final int PATIENCE = 20;
    /** The most a step's choice weighs in the averaged choice. */
    private static final double MAX_SHARE = 0.1;

    private final CandidatePlans columns;
    private final double upperBound;
    /** The best bound known: the restricted dual's maximum lies above it. */
    double floor = Double.NEGATIVE_INFINITY;
    /** The prices of the best bound known. */
    double[] center;
    private final int[] limit;
    private double[] price;
    private double value = Double.NEGATIVE_INFINITY;
    private double[] averageUse;
    private double[] average;
    private final double[] orderValue;
    private double factor = 0.1;
    private double[] columnCost;
    private int[] columnStart;
    private int[] columnResource;
    private int[] columnUnits;
    private int[] orderStart;
    private int[] orderColumns;

    VolumeDual(CandidatePlans columns, double upperBound) {
        this.columns = columns;
        this.upperBound = upperBound;
        this.limit = columns.limitsLeft();
        this.price = new double[limit.length];
        this.orderValue = new double[columns.orders.size()];
    }

    @Override
    public void solve(Deadline deadline, double until) {
        boolean[] used = new boolean[limit.length];
        for (Column column : columns.all) {
            for (int r : column.resources()) {
                used[r] = true;
            }
        }
        int[] relevant = java.util.stream.IntStream.range(0, limit.length).filter(r -> used[r]).toArray();
        flatten();
        until = Math.min(until, deadline.elapsed() + ROUND_SECONDS);
        int[] cheapest = new int[orderValue.length];
        double[] use = new double[limit.length];
        value = evaluate(price, cheapest, use, orderValue, relevant);
        if (center != null) {
            int[] centerCheapest = new int[orderValue.length];
            double[] centerUse = new double[limit.length];
            double[] centerPaid = new double[orderValue.length];
            double atCenter = evaluate(center, centerCheapest, centerUse, centerPaid, relevant);
            if (atCenter > value) {
                value = atCenter;
                price = center.clone();
                cheapest = centerCheapest;
                use = centerUse;
                System.arraycopy(centerPaid, 0, orderValue, 0, orderValue.length);
            }
        }
        average = new double[columns.all.size()];
        averageUse = use;
        for (int c : cheapest) {
            average[c] = 1;
        }
        double[] trialValue = new double[orderValue.length];
        int[] trialCheapest = new int[orderValue.length];
        double[] trialUse = new double[limit.length];
        double[] direction = new double[limit.length];
        double[] trial = new double[limit.length];
        int red = 0;
        int sinceBetter = 0;
        while (sinceBetter < 10 * PATIENCE && deadline.elapsed() < until) {
            double norm = 0;
            for (int r : relevant) {
                double g = averageUse[r] - limit[r];
                direction[r] = g < 0 && price[r] <= 0 ? 0 : g;
                norm += direction[r] * direction[r];
            }
            if (norm < 1e-12) {
                break;
            }
            double target = Math.min(upperBound, Math.max(value, floor) + AIM * Math.abs(value));
            double length = factor * Math.max(target - value, 1e-6 * Math.abs(value)) / norm;
            for (int r : relevant) {
                trial[r] = Math.max(0, price[r] + length * direction[r]);
                trialUse[r] = 0;
            }
            double trialTotal = evaluate(trial, trialCheapest, trialUse, trialValue, relevant);
            double share = shareTowards(trialUse, relevant);
            for (int r : relevant) {
                averageUse[r] = share * trialUse[r] + (1 - share) * averageUse[r];
            }
            for (int c = 0; c < average.length; c++) {
                average[c] *= 1 - share;
            }
            for (int c : trialCheapest) {
                average[c] += share;
            }
            if (trialTotal > value + 1e-9 * Math.abs(value)) {
                if (trialTotal > value + 1e-6 * Math.abs(value)) {
                    sinceBetter = 0;
                } else {
                    sinceBetter++;
                }
                value = trialTotal;
                double[] swap = price;
                price = trial;
                trial = swap;
                System.arraycopy(trialValue, 0, orderValue, 0, orderValue.length);
                factor = Math.min(2, factor * 1.1);
                red = 0;
            } else {
                sinceBetter++;
                if (++red >= PATIENCE) {
                    factor = Math.max(1e-4, factor * 0.66);
                    red = 0;
                }
            }
        }
    }

    /** The share of the new use in the average that brings the averaged subgradient nearest to zero. */
    private double shareTowards(double[] use, int[] relevant) {
        double dot = 0;
        double norm = 0;
        for (int r : relevant) {
            double now = averageUse[r] - limit[r];
            double change = use[r] - averageUse[r];
            dot += now * change;
            norm += change * change;
        }
        double best = norm > 0 ? -dot / norm : MAX_SHARE;
        return Math.min(MAX_SHARE, Math.max(MAX_SHARE / 10, best));
    }

    /** g(λ); per order its cheapest candidate at λ and what it pays; the use of those candidates. */
    private double evaluate(double[] lambda, int[] cheapest, double[] use, double[] paid, int[] relevant) {
        double total = 0;
        for (int r : relevant) {
            total -= lambda[r] * limit[r];
        }
        for (int o = 0; o < cheapest.length; o++) {
            double best = Double.POSITIVE_INFINITY;
            int bestColumn = -1;
            for (int j = orderStart[o]; j < orderStart[o + 1]; j++) {
                int c = orderColumns[j];
                double priced = columnCost[c];
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                    priced += lambda[columnResource[k]] * columnUnits[k];
                }
                if (priced < best) {
                    best = priced;
                    bestColumn = c;
                }
            }
            cheapest[o] = bestColumn;
            paid[o] = best;
            total += best;
            for (int k = columnStart[bestColumn]; k < columnStart[bestColumn + 1]; k++) {
                use[columnResource[k]] += columnUnits[k];
            }
        }
        return total;
    }

    /** The candidates in flat arrays, per order and per candidate, for the many passes of a round. */
    private void flatten() {
        int count = columns.all.size();
        columnCost = new double[count];
        columnStart = new int[count + 1];
        int entries = 0;
        for (int c = 0; c < count; c++) {
            entries += columns.all.get(c).resources().length;
        }
        columnResource = new int[entries];
        columnUnits = new int[entries];
        for (int c = 0, k = 0; c < count; c++) {
            Column column = columns.all.get(c);
            columnCost[c] = column.cost();
            columnStart[c] = k;
            for (int i = 0; i < column.resources().length; i++, k++) {
                columnResource[k] = column.resources()[i];
                columnUnits[k] = column.units()[i];
            }
            columnStart[c + 1] = k;
        }
        orderStart = new int[orderValue.length + 1];
        orderColumns = new int[count];
        for (int o = 0, j = 0; o < orderValue.length; o++) {
            orderStart[o] = j;
            for (int c : columns.ofOrder.get(o)) {
                orderColumns[j++] = c;
            }
            orderStart[o + 1] = j;
        }
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public double[] prices() {
        return price.clone();
    }

    @Override
    public double orderDual(int o) {
        return orderValue[o];
    }

    @Override
    public double[] values() {
        return Arrays.copyOf(average, columns.all.size());
    }
}
