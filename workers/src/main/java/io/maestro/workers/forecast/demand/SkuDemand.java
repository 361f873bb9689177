package io.maestro.workers.forecast.demand;

import java.util.Map;
import java.util.Optional;

/** One SKU's demand: at each node that served it or holds a position of it, and network-wide. */
public record SkuDemand(String sku, Bucket bucket, Map<String, DemandSeries> byNode, DemandSeries network) {

    public SkuDemand {
        byNode = Map.copyOf(byNode);
    }

    /** The series at a node, or network-wide for {@code null}. */
    public Optional<DemandSeries> at(String nodeId) {
        return nodeId == null ? Optional.of(network) : Optional.ofNullable(byNode.get(nodeId));
    }
}
