package io.maestro.app.simulation;

import io.maestro.core.inventory.AtpSnapshot;
import io.maestro.core.inventory.InventoryQueries;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ATP of every channel and SKU a replay needs and each node's capacity held today, copied from the live system
 * once at the start. A reservation raises {@code reserved}, so every channel's ATP falls by the units taken (never
 * below 0): {@link VariantStock} keeps what its orders took over this copy, which is never changed.
 */
final class InventoryCopy {

    private final Map<String, Map<String, Map<String, Long>>> atpByChannel;
    private final Map<String, Long> heldToday;

    private InventoryCopy(Map<String, Map<String, Map<String, Long>>> atpByChannel, Map<String, Long> heldToday) {
        this.atpByChannel = atpByChannel;
        this.heldToday = heldToday;
    }

    /** Copies the ATP of {@code skus} for each channel; the {@code outOfStock} SKUs count as 0 everywhere. */
    static InventoryCopy of(InventoryQueries inventory, Set<String> channels, Collection<String> skus, Set<String> outOfStock) {
        Map<String, Map<String, Map<String, Long>>> atp = new HashMap<>();
        for (String channel : channels) {
            Map<String, Map<String, Long>> byNode = new HashMap<>();
            inventory.snapshot(channel, skus).atpByNodeAndSku().forEach((node, bySku) -> {
                Map<String, Long> units = new HashMap<>(bySku);
                outOfStock.forEach(sku -> units.computeIfPresent(sku, (k, n) -> 0L));
                byNode.put(node, units);
            });
            atp.put(channel, byNode);
        }
        return new InventoryCopy(atp, Map.copyOf(inventory.capacityHeldToday()));
    }

    /** One variant's view: the copy less what its orders took, with its own capacities. */
    VariantStock variant(Map<String, Long> capacityOffset) {
        return new VariantStock(capacityOffset);
    }

    final class VariantStock implements io.maestro.workers.allocate.EngineInputs.StockView {

        private final Map<String, Map<String, Long>> taken = new HashMap<>();
        private final Map<String, Long> unitsTaken = new HashMap<>();
        private final Map<String, Long> capacityOffset;

        private VariantStock(Map<String, Long> capacityOffset) {
            this.capacityOffset = capacityOffset;
        }

        void take(String nodeId, String sku, int units) {
            taken.computeIfAbsent(nodeId, k -> new HashMap<>()).merge(sku, (long) units, Long::sum);
            unitsTaken.merge(nodeId, (long) units, Long::sum);
        }

        /** Units this variant's orders took at each node. */
        Map<String, Long> unitsTaken() {
            return unitsTaken;
        }

        Map<String, Long> heldBefore() {
            return heldToday;
        }

        /** Held today, what this variant took, and a lower (or higher) capacity as held (or freed) units. */
        @Override
        public Map<String, Long> capacityHeldToday() {
            Map<String, Long> held = new HashMap<>(heldToday);
            unitsTaken.forEach((node, units) -> held.merge(node, units, Long::sum));
            capacityOffset.forEach((node, units) -> held.merge(node, units, Long::sum));
            return held;
        }

        @Override
        public AtpSnapshot snapshot(String channel, Collection<String> skus) {
            Map<String, Map<String, Long>> result = new HashMap<>();
            atpByChannel.getOrDefault(channel, Map.of()).forEach((node, bySku) -> {
                Map<String, Long> tookHere = taken.getOrDefault(node, Map.of());
                Map<String, Long> units = new HashMap<>();
                for (String sku : skus) {
                    Long atp = bySku.get(sku);
                    if (atp != null) {
                        units.put(sku, Math.max(0, atp - tookHere.getOrDefault(sku, 0L)));
                    }
                }
                if (!units.isEmpty()) {
                    result.put(node, units);
                }
            });
            return new AtpSnapshot(channel, result);
        }
    }
}
