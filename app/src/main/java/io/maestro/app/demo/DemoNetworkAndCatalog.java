package io.maestro.app.demo;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.SnapshotImport;
import io.maestro.core.inventory.SnapshotReport;
import io.maestro.core.inventory.SnapshotRow;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's US network, catalog and opening stock, from the CSV files under {@code demo/}. Stock
 * goes in as one snapshot through the inventory ledger, so positions stay rebuildable from it.
 */
@Component
public class DemoNetworkAndCatalog {

    static final String SNAPSHOT_ID = "demo-opening-stock";
    static final String PROTECTIONS_RESOURCE = "/demo/channel-protections.csv";
    private static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoNetworkAndCatalog.class);

    private final NetworkService network;
    private final CatalogService catalog;
    private final SnapshotImport snapshots;
    private final ChannelProtections protections;

    public DemoNetworkAndCatalog(NetworkService network, CatalogService catalog, SnapshotImport snapshots,
                                 ChannelProtections protections) {
        this.network = network;
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.protections = protections;
    }

    /** Loads everything in one transaction when the network is empty; true when it did. */
    @Transactional
    public boolean loadIfEmpty() {
        if (!network.all().isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        List<NodeDefinition> nodes = DemoNodes.read();
        nodes.forEach(network::save);
        List<Sku> skus = DemoCatalog.read();
        skus.forEach(catalog::save);
        List<SnapshotRow> stock = DemoStock.rows(nodes, skus);
        SnapshotReport report = snapshots.importSnapshot(SNAPSHOT_ID, "demo data", stock, ACTOR);
        if (report.rejected() > 0) {
            throw new IllegalStateException("Demo stock has invalid rows: " + report.results().stream()
                    .filter(r -> !r.violations().isEmpty()).map(SnapshotReport.Row::violations).toList());
        }
        for (DemoCsv.Row p : DemoCsv.read(PROTECTIONS_RESOURCE)) {
            protections.set(p.get("sku"), p.get("channel"), new BigDecimal(p.get("percent")));
        }
        long units = stock.stream().mapToLong(SnapshotRow::onHand).sum();
        log.info("Demo data loaded: {} nodes, {} SKUs, {} stock positions holding {} units, in {} ms", nodes.size(),
                skus.size(), stock.size(), units, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return true;
    }
}
