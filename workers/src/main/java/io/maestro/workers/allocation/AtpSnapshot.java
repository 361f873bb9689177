package io.maestro.workers.allocation;

import java.util.HashMap;
import java.util.Map;

/** Units available to promise per (node, SKU) for the order's channel, already net of reservations,
 *  safety stock and other channels' protections. */
@FunctionalInterface
public interface AtpSnapshot {

    int available(String nodeId, String sku);

    /** An immutable snapshot from node id → (SKU → ATP). */
    static AtpSnapshot of(Map<String, Map<String, Integer>> atp) {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        atp.forEach((node, skus) -> copy.put(node, Map.copyOf(skus)));
        return (nodeId, sku) -> {
            Map<String, Integer> skus = copy.get(nodeId);
            Integer units = skus == null ? null : skus.get(sku);
            return units == null ? 0 : Math.max(0, units);
        };
    }
}
