package io.maestro.workers.forecast.demand;

import java.time.LocalDate;

/**
 * Units demanded per bucket, oldest first, from {@code firstBucket}. A censored bucket had a stockout: what was
 * sold is a lower bound of what was demanded.
 */
public record DemandSeries(LocalDate firstBucket, double[] units, boolean[] censored) {

    /** Uncensored buckets before a censored one that stand in for it. */
    static final int IMPUTE_WINDOW = 28;

    public int censoredBuckets() {
        int count = 0;
        for (boolean c : censored) {
            count += c ? 1 : 0;
        }
        return count;
    }

    /**
     * The series with each censored bucket raised to the mean of the (up to {@value #IMPUTE_WINDOW}) uncensored
     * buckets before it — never below what was sold; with no uncensored bucket before it, the mean of all
     * uncensored buckets; with none at all, as sold.
     */
    public double[] imputed() {
        double allSum = 0;
        int allCount = 0;
        for (int t = 0; t < units.length; t++) {
            if (!censored[t]) {
                allSum += units[t];
                allCount++;
            }
        }
        double[] result = units.clone();
        for (int t = 0; t < units.length; t++) {
            if (!censored[t]) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int s = t - 1; s >= 0 && count < IMPUTE_WINDOW; s--) {
                if (!censored[s]) {
                    sum += units[s];
                    count++;
                }
            }
            double stand = count > 0 ? sum / count : allCount > 0 ? allSum / allCount : units[t];
            result[t] = Math.max(units[t], stand);
        }
        return result;
    }
}
