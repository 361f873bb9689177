package io.maestro.workers.forecast.demand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The time buckets demand is counted in: UTC days, or ISO weeks (Monday to Sunday). */
public enum Bucket {
    DAY(1, 365, 7, 7, 90, 14),
    WEEK(7, 104, 2, 52, 26, 8);

    private final int days;
    private final int historyBuckets;
    private final int leadBuckets;
    private final int season;
    private final int maxHorizon;
    private final int defaultHorizon;

    Bucket(int days, int historyBuckets, int leadBuckets, int season, int maxHorizon, int defaultHorizon) {
        this.days = days;
        this.historyBuckets = historyBuckets;
        this.leadBuckets = leadBuckets;
        this.season = season;
        this.maxHorizon = maxHorizon;
        this.defaultHorizon = defaultHorizon;
    }

    /** The first day of the bucket holding this day. */
    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    /** Index of the bucket holding {@code day}, counted from the bucket starting at {@code first}. */
    int index(LocalDate first, LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(first, day), days);
    }

    LocalDate plus(LocalDate start, int buckets) {
        return start.plusDays((long) buckets * days);
    }

    /** How many complete buckets of history a forecast is fitted to. */
    int historyBuckets() {
        return historyBuckets;
    }

    /** Buckets of demand the method choice backtests against (a week of days, two weeks). */
    int leadBuckets() {
        return leadBuckets;
    }

    /** Season length for Holt-Winters (a week of days, a year of weeks). */
    int season() {
        return season;
    }

    public int maxHorizon() {
        return maxHorizon;
    }

    public int defaultHorizon() {
        return defaultHorizon;
    }
}
