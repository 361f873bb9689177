package io.maestro.workers.forecast.demand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A series' forecast as refreshed: the chosen method and what it forecast for each bucket ahead (up to the
 * bucket's longest horizon), with the variance-to-mean ratio of its demand distribution.
 *
 * @param nodeId      the node, or {@code null} for a region or the network
 * @param region      the ship-to region, or {@code null} for a node or the network
 * @param firstBucket the first bucket forecast
 */
public record StoredForecast(String sku, String nodeId, String region, Bucket bucket, String method, Map<String, Double> parameters,
                             Double backtestError, int historyBuckets, int censoredBuckets, double dispersion,
                             LocalDate firstBucket, List<Double> mean, OffsetDateTime computedAt) {

    public StoredForecast {
        parameters = Map.copyOf(parameters);
        mean = List.copyOf(mean);
    }
}
