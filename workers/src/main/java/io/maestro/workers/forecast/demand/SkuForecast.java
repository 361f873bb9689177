package io.maestro.workers.forecast.demand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A forecast of one SKU at a node, or of the orders shipped to a region ({@code region}), or network-wide (both
 * null), over {@code horizon} buckets from
 * {@code from}: the mean per bucket, the mean and quantiles of the total over the horizon, and how it was made.
 *
 * @param quantiles      units by level ("0.5", "0.8", "0.9", "0.95", "0.99") of demand over the whole horizon
 * @param backtestError  the chosen method's backtest loss (mean pinball loss, units); null when the history was too
 *                       short to backtest
 * @param censoredBuckets buckets of the history with a stockout, their demand imputed
 */
public record SkuForecast(String sku, String nodeId, String region, Bucket bucket, int horizon, LocalDate from, List<Double> mean,
                          double total, Map<String, Long> quantiles, String method, Map<String, Double> parameters,
                          Double backtestError, int historyBuckets, int censoredBuckets, OffsetDateTime computedAt) {

    public SkuForecast {
        mean = List.copyOf(mean);
        quantiles = Map.copyOf(quantiles);
        parameters = Map.copyOf(parameters);
    }
}
