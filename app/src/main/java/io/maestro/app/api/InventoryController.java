package io.maestro.app.api;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.db.TransientFailures;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.AdjustmentResult;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.SkuAvailability;
import io.maestro.core.inventory.SnapshotImport;
import io.maestro.core.inventory.SnapshotReport;
import io.maestro.core.inventory.SnapshotRow;
import io.maestro.core.network.NetworkService;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.transfer.StockTransfers;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.processes.StockProtectionRules;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/inventory")
public class InventoryController {

    public record Snapshot(String snapshotId, String source, List<SnapshotRow> rows) {
    }

    public record ProtectionRequest(BigDecimal percent) {
    }

    private final InventoryQueries queries;
    private final InventoryLedger ledger;
    private final SnapshotImport snapshots;
    private final ChannelProtections protections;
    private final StockProtectionRules protectionRules;
    private final CatalogService catalog;
    private final NetworkService network;
    private final StockTransfers transfers;

    public InventoryController(InventoryQueries queries, InventoryLedger ledger, SnapshotImport snapshots,
                               ChannelProtections protections, CatalogService catalog, NetworkService network,
                               StockProtectionRules protectionRules, StockTransfers transfers) {
        this.transfers = transfers;
        this.queries = queries;
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.protections = protections;
        this.protectionRules = protectionRules;
        this.catalog = catalog;
        this.network = network;
    }

    /**
     * A SKU's stock: per node and in total, and the units in transit between nodes (released by a source, not yet
     * received): in no node's stock, so never in ATP.
     */
    public record SkuInventory(@JsonUnwrapped SkuAvailability availability, long inTransitUnits,
                               List<InTransit> inTransit) {
    }

    /** The units of one transfer on their way. */
    public record InTransit(String transferId, String fromNodeId, String toNodeId, long units, TransferStatus status) {
    }

    /**
     * Per node onHand, reserved, safety stock and ATP for a channel (none: every protection held back), totals, and
     * the units in transit.
     */
    @GetMapping("/{sku}")
    public SkuInventory bySku(@PathVariable String sku, @RequestParam(required = false) String channel) {
        catalog.get(sku);
        List<InTransit> moving = transfers.inTransit(sku).stream().map(t -> new InTransit(t.transferId(), t.fromNodeId(),
                t.toNodeId(), t.inTransit(), t.status())).toList();
        return new SkuInventory(queries.availability(sku, channel), moving.stream().mapToLong(InTransit::units).sum(),
                moving);
    }

    @GetMapping("/nodes/{nodeId}")
    public List<InventoryPosition> byNode(@PathVariable String nodeId) {
        network.get(nodeId);
        return queries.atNode(nodeId);
    }

    @PostMapping("/adjustments")
    public AdjustmentResult adjust(@RequestBody Adjustment adjustment, Principal principal) {
        return TransientFailures.retry("adjustment " + adjustment.eventId(), () -> ledger.adjust(adjustment, principal.getName()));
    }

    @PostMapping("/snapshots")
    public SnapshotReport snapshot(@RequestBody Snapshot snapshot, Principal principal) {
        return TransientFailures.retry("snapshot " + snapshot.snapshotId(), () -> snapshots.importSnapshot(snapshot.snapshotId(),
                snapshot.source() == null ? principal.getName() : snapshot.source(), snapshot.rows(), principal.getName()));
    }

    @GetMapping("/protections/{sku}")
    public List<ChannelProtections.Protection> protections(@PathVariable String sku) {
        catalog.get(sku);
        return protections.forSku(sku);
    }

    /** Holds {@code percent} of the SKU's on-hand stock at every node for the channel; 0 removes it. */
    @PutMapping("/protections/{sku}/{channel}")
    public List<ChannelProtections.Protection> protect(@PathVariable String sku, @PathVariable String channel,
                                                       @RequestBody ProtectionRequest request) {
        if (catalog.find(sku).isEmpty()) {
            throw new InvalidRequestException("sku", "unknown SKU " + sku);
        }
        if (request.percent() == null || request.percent().signum() < 0 || request.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidRequestException("percent", "is required, from 0 to 100");
        }
        protections.set(sku, channel, request.percent());
        return protections.forSku(sku);
    }

    /** Applies DMN stock-protection to every SKU and position: channel shares and safety stock by node type. */
    @PostMapping("/protections/apply-rules")
    public StockProtectionRules.Report applyProtectionRules(Principal principal) {
        return protectionRules.apply(principal.getName());
    }
}
