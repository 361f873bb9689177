package io.maestro.core.inventory;

import java.util.Map;

/** ATP per node and SKU for one channel at one moment: what the allocation engine plans against. */
public record AtpSnapshot(String channel, Map<String, Map<String, Long>> atpByNodeAndSku) {

    public long atp(String nodeId, String sku) {
        return atpByNodeAndSku.getOrDefault(nodeId, Map.of()).getOrDefault(sku, 0L);
    }
}
