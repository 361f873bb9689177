package io.maestro.core.inventory;

import java.util.List;

/** A SKU across the network: per node and in total, for one channel (or for none: every protection held back). */
public record SkuAvailability(String sku, String channel, List<NodeAvailability> nodes, long onHand, long reserved,
                              long safetyStock, long atp) {

    static SkuAvailability of(String sku, String channel, List<NodeAvailability> nodes) {
        return new SkuAvailability(sku, channel, nodes,
                nodes.stream().mapToLong(NodeAvailability::onHand).sum(),
                nodes.stream().mapToLong(NodeAvailability::reserved).sum(),
                nodes.stream().mapToLong(NodeAvailability::safetyStock).sum(),
                nodes.stream().mapToLong(NodeAvailability::atp).sum());
    }
}
