package io.maestro.workers.allocation.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Units available to promise per (node, SKU) for the order's channel, already net of reservations,
 *  safety stock and other channels' protections. */
@FunctionalInterface
public interface AtpSnapshot {

    int available(String nodeId, String sku);

    /**
     * ATP of every SKU at every node, [node][SKU]: what {@link #available} says for each pair. A snapshot
     * that can look a node or a SKU up once for all pairs overrides it (the engine asks it once per order).
     */
    default int[][] available(List<String> nodeIds, List<String> skus) {
        int[][] units = new int[nodeIds.size()][skus.size()];
        for (int n = 0; n < units.length; n++) {
            for (int s = 0; s < skus.size(); s++) {
                units[n][s] = available(nodeIds.get(n), skus.get(s));
            }
        }
        return units;
    }

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
