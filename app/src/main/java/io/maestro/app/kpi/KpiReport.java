package io.maestro.app.kpi;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The order KPIs of one period. Durations in seconds; rates between 0 and 1 ({@code null} when nothing in the period
 * could be counted); {@code ordersByChannel} one count per bucket of the period, oldest first.
 */
public record KpiReport(KpiPeriod period, OffsetDateTime from, OffsetDateTime to, List<OffsetDateTime> buckets,
                        Map<String, List<Long>> ordersByChannel, long orders, Percentiles orderToAllocated,
                        Percentiles orderToDelivered, Double splitRate, Double fillRate, BigDecimal costPerOrder,
                        BigDecimal co2KgPerOrder, Map<String, Long> slaBreachesByNode, Map<String, Long> backlogByStatus) {

    /** Percentiles of a duration in seconds over {@code count} orders; nulls when there were none. */
    public record Percentiles(long count, Long p50, Long p90, Long p99) {
        static Percentiles of(List<Long> seconds) {
            if (seconds.isEmpty()) {
                return new Percentiles(0, null, null, null);
            }
            List<Long> sorted = seconds.stream().sorted().toList();
            return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99));
        }

        /** Nearest-rank percentile. */
        private static Long rank(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
