package io.maestro.workers.forecast.demand;

import java.util.Map;
import java.util.Optional;

/**
 * One SKU's demand: at each node that served it or holds a position of it, network-wide, and by the ship-to region
 * of the orders (as {@link Forecasts#region} spells it; censored where the network was).
 */
public record SkuDemand(String sku, Bucket bucket, Map<String, DemandSeries> byNode, DemandSeries network,
                        Map<String, DemandSeries> byRegion) {

    public SkuDemand {
        byNode = Map.copyOf(byNode);
        byRegion = Map.copyOf(byRegion);
    }

    /** The series of orders shipped to a region; empty when none was. */
    public Optional<DemandSeries> inRegion(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    /** The series at a node, or network-wide for {@code null}. */
    public Optional<DemandSeries> at(String nodeId) {
        return nodeId == null ? Optional.of(network) : Optional.ofNullable(byNode.get(nodeId));
    }
}
