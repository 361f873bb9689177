package io.maestro.app.kpi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The periods KPIs are shown over, each with the width of its chart's buckets. */
public enum KpiPeriod {
    HOURS_24("Last 24 hours", Duration.ofHours(24), ChronoUnit.HOURS),
    DAYS_7("Last 7 days", Duration.ofDays(7), ChronoUnit.HOURS),
    DAYS_30("Last 30 days", Duration.ofDays(30), ChronoUnit.DAYS);

    private final String label;
    private final Duration length;
    private final ChronoUnit bucket;

    KpiPeriod(String label, Duration length, ChronoUnit bucket) {
        this.label = label;
        this.length = length;
        this.bucket = bucket;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public ChronoUnit bucket() {
        return bucket;
    }
}
