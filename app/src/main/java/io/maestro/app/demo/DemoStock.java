package io.maestro.app.demo;

import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.SnapshotRow;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's opening stock as one snapshot: SKUs in {@code demo/stock-fixed.csv} exactly as listed
 * there, every other SKU spread unevenly with a fixed seed. DCs carry more of the range and deeper
 * the larger their capacity, stores a few units of a fifth of it, the 3PL a part and the
 * dropshipper only outdoor goods; hazmat and oversize goods are never in stores.
 */
final class DemoStock {

    static final String FIXED_RESOURCE = "/demo/stock-fixed.csv";
    static final long SEED = 20_251_127L;

    /** The largest DC's daily capacity; DC and 3PL depth scales with capacity relative to it. */
    private static final double FULL_DEPTH_CAPACITY = 18_000;
    private static final Set<String> STORE_CATEGORIES = Set.of("TSHIRTS", "TOPS", "BOTTOMS", "OUTERWEAR", "ACCESSORIES",
            "SHOES", "BAGS");

    private DemoStock() {
    }

    static List<SnapshotRow> rows(List<NodeDefinition> nodes, List<Sku> skus) {
        Map<String, List<SnapshotRow>> fixed = fixed();
        List<SnapshotRow> rows = new ArrayList<>();
        for (Sku sku : skus) {
            List<SnapshotRow> listed = fixed.remove(sku.sku());
            if (listed != null) {
                rows.addAll(listed);
                continue;
            }
            // One generator per SKU: its stock stays the same when other SKUs are added or removed.
            Random random = new Random(SEED ^ sku.sku().hashCode());
            double popularity = 0.2 + 1.8 * random.nextDouble();
            for (NodeDefinition node : nodes) {
                Long onHand = onHand(node, sku, popularity, random);
                if (onHand != null) {
                    rows.add(new SnapshotRow(node.id(), sku.sku(), onHand, safetyStock(node.type(), onHand)));
                }
            }
        }
        if (!fixed.isEmpty()) {
            throw new IllegalStateException(FIXED_RESOURCE + " names SKUs not in the catalog: " + fixed.keySet());
        }
        return rows;
    }

    /** Units of the SKU at the node, or null when the node does not carry it. */
    private static Long onHand(NodeDefinition node, Sku sku, double popularity, Random random) {
        double carried = random.nextDouble();
        double amount = random.nextDouble();
        double depth = node.dailyCapacity() / FULL_DEPTH_CAPACITY;
        long deep = Math.max(1, Math.round(popularity * depth * (40 + 260 * amount)));
        return switch (node.type()) {
            case DC -> carried < (sku.oversize() ? 0.35 : sku.hazmat() ? 0.4 : 0.3 + 0.4 * depth) ? deep : null;
            case THREE_PL -> carried < 0.3 && !sku.oversize() ? deep : null;
            case STORE -> carried < 0.2 && !sku.hazmat() && !sku.oversize() && STORE_CATEGORIES.contains(sku.category())
                    ? 1 + Math.round(popularity * 6 * amount) : null;
            case DROPSHIPPER -> "OUTDOOR".equals(sku.category()) && !sku.hazmat() ? 20 + Math.round(130 * amount) : null;
        };
    }

    /** 5 % of the deepest positions at DCs and the 3PL, one unit in stores that hold 8 or more. */
    private static Long safetyStock(NodeType type, long onHand) {
        if (type == NodeType.STORE) {
            return onHand >= 8 ? 1L : null;
        }
        return onHand >= 150 ? onHand / 20 : null;
    }

    private static Map<String, List<SnapshotRow>> fixed() {
        Map<String, List<SnapshotRow>> bySku = new LinkedHashMap<>();
        for (DemoCsv.Row r : DemoCsv.read(FIXED_RESOURCE)) {
            bySku.computeIfAbsent(r.get("sku"), s -> new ArrayList<>())
                    .add(new SnapshotRow(r.get("node_id"), r.get("sku"), Long.valueOf(r.get("on_hand")), 0L));
        }
        return bySku;
    }
}
