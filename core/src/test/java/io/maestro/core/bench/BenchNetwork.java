package io.maestro.core.bench;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.geo.Address;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark's world: 100 nodes at real US ZIP codes (every tenth a DC, the rest stores) and
 * {@value #SKU_COUNT} SKUs stocked at every node. Every fiftieth SKU is scarce, so some reservations
 * are refused; every tenth has 10 % held back for POS, so the WEB channel's ATP formula is exercised.
 */
final class BenchNetwork {

    static final int SKU_COUNT = 300;
    static final long STOCK = 1_000;
    static final long SCARCE_STOCK = 2;
    static final long SAFETY_STOCK = 5;

    final List<String> nodeIds;
    final List<String> skus;

    private BenchNetwork(List<String> nodeIds, List<String> skus) {
        this.nodeIds = List.copyOf(nodeIds);
        this.skus = List.copyOf(skus);
    }

    int positions() {
        return nodeIds.size() * skus.size();
    }

    /** Creates (or replaces) nodes and SKUs and counts stock at every position; {@code runId} keeps event ids unique. */
    static BenchNetwork seed(ApplicationContext context, String runId, int threads) throws Exception {
        NetworkService network = context.getBean(NetworkService.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        ChannelProtections protections = context.getBean(ChannelProtections.class);
        InventoryLedger ledger = context.getBean(InventoryLedger.class);

        List<String> nodeIds = new ArrayList<>();
        List<String[]> places = places();
        for (int i = 0; i < places.size(); i++) {
            String[] place = places.get(i);
            String id = String.format("B%03d-%s", i + 1, place[0]);
            boolean dc = i % 10 == 0;
            network.save(new NodeDefinition(id, (dc ? "DC " : "Store ") + place[1], dc ? NodeType.DC : NodeType.STORE,
                    new Address(null, "1 Bench Way", null, place[1], place[2], place[0], "US"), null, null,
                    dc ? Set.of(Capability.SHIP, Capability.RETURNS) : Set.of(Capability.SHIP_FROM_STORE, Capability.PICKUP),
                    dc ? 5_000 : 300, LocalTime.of(16, 0), null, new BigDecimal("2.50"), new BigDecimal("0.40"), null));
            nodeIds.add(id);
        }

        List<String> skus = new ArrayList<>();
        String[] categories = {"APPAREL", "FOOTWEAR", "BAGS"};
        for (int i = 0; i < SKU_COUNT; i++) {
            String sku = String.format("BENCH-%03d", i);
            catalog.save(new Sku(sku, "Bench item " + i, categories[i % categories.length], new BigDecimal("0.500"),
                    new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), false, false));
            protections.set(sku, "POS", i % 10 == 3 ? BigDecimal.TEN : BigDecimal.ZERO);
            skus.add(sku);
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> counts = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                String sku = skus.get(i);
                long onHand = i % 50 == 0 ? SCARCE_STOCK : STOCK;
                counts.add(() -> {
                    for (String node : nodeIds) {
                        ledger.adjust(new Adjustment("bench-" + runId + "-" + node + "-" + sku, node, sku, null, onHand,
                                SAFETY_STOCK, "benchmark stock"), "bench");
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(counts)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        return new BenchNetwork(nodeIds, skus);
    }

    /** Rows of {@code bench/nodes.csv}: zip, city, state. */
    private static List<String[]> places() {
        try (InputStream in = BenchNetwork.class.getResourceAsStream("/bench/nodes.csv")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /bench/nodes.csv");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("zip,")) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
