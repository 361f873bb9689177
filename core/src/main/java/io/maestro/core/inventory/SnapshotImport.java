package io.maestro.core.inventory;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.catalog.SkuRepository;
import io.maestro.core.network.NodeRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk stock snapshot (ERP, WMS): every valid row sets on-hand (and safety stock) as a COUNT entry;
 * every invalid row is reported with its reasons and changes nothing. The snapshot id makes a
 * re-sent snapshot change nothing; the same id with other rows is refused. The positions of the valid rows are locked
 * up front in (node, SKU) order, whatever the order of the rows, so a snapshot cannot deadlock with reservations or
 * another snapshot.
 */
@Service
public class SnapshotImport {

    public static final int MAX_ROWS = 100_000;

    private final InventoryLedger ledger;
    private final InventoryQueries queries;
    private final ProcessedEvents processedEvents;
    private final NodeRepository nodes;
    private final SkuRepository skus;

    public SnapshotImport(InventoryLedger ledger, InventoryQueries queries, ProcessedEvents processedEvents,
                          NodeRepository nodes, SkuRepository skus) {
        this.ledger = ledger;
        this.queries = queries;
        this.processedEvents = processedEvents;
        this.nodes = nodes;
        this.skus = skus;
    }

    @Transactional
    public SnapshotReport importSnapshot(String snapshotId, String source, List<SnapshotRow> rows, String actor) {
        return importSnapshot(snapshotId, rows, "snapshot " + snapshotId + " from " + source, actor);
    }

    /** As above, with the reason every ledger entry of this snapshot carries (e.g. {@code ERP_SNAPSHOT}). */
    @Transactional
    public SnapshotReport importSnapshot(String snapshotId, List<SnapshotRow> rows, String reason, String actor) {
        if (snapshotId == null || snapshotId.isBlank() || snapshotId.length() > 100) {
            throw new InvalidRequestException("snapshotId", "is required (at most 100 characters)");
        }
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new InvalidRequestException("rows", "must hold 1 to " + MAX_ROWS + " rows");
        }
        ProcessedEvents.Seen snapshot = processedEvents.see("inventory-snapshot", snapshotId, contentHash(rows));
        if (snapshot == ProcessedEvents.Seen.WITH_OTHER_CONTENT) {
            throw new IdempotencyConflictException("snapshotId", "snapshotId " + snapshotId
                    + " was already used for a different snapshot");
        }
        if (snapshot == ProcessedEvents.Seen.AGAIN) {
            return new SnapshotReport(snapshotId, rows.size(), 0, 0, 0, true, List.of());
        }
        Set<String> knownSkus = skus.existing(rows.stream().map(SnapshotRow::sku).filter(s -> s != null).toList());
        Set<String> seen = new HashSet<>();
        List<List<Violation>> problemsOf = new ArrayList<>(rows.size());
        List<PositionKey> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SnapshotRow r = rows.get(i);
            problemsOf.add(check(r, i + 1, knownSkus, seen));
            if (problemsOf.get(i).isEmpty()) {
                valid.add(new PositionKey(r.nodeId(), r.sku()));
            }
        }
        ledger.lockPositions(valid);
        List<SnapshotReport.Row> results = new ArrayList<>();
        int applied = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            SnapshotRow r = rows.get(i);
            int rowNo = i + 1;
            List<Violation> problems = problemsOf.get(i);
            if (!problems.isEmpty()) {
                rejected++;
                results.add(new SnapshotReport.Row(rowNo, r.nodeId(), r.sku(), SnapshotReport.Outcome.REJECTED, null, null,
                        problems));
                continue;
            }
            long before = queries.position(r.nodeId(), r.sku()).map(InventoryPosition::onHand).orElse(0L);
            AdjustmentResult result = ledger.adjust(new Adjustment(snapshotId + "#" + rowNo, r.nodeId(), r.sku(), null,
                    r.onHand(), r.safetyStock(), reason), actor);
            boolean changed = result.position().onHand() != before;
            if (changed) {
                applied++;
            } else {
                unchanged++;
            }
            results.add(new SnapshotReport.Row(rowNo, r.nodeId(), r.sku(),
                    changed ? SnapshotReport.Outcome.APPLIED : SnapshotReport.Outcome.UNCHANGED, before,
                    result.position().onHand(), List.of()));
        }
        return new SnapshotReport(snapshotId, rows.size(), applied, unchanged, rejected, false, results);
    }

    /** The rows (node, SKU, on hand, safety stock) in their order; the source and reason are not part of it. */
    private static String contentHash(List<SnapshotRow> rows) {
        return ContentHash.of(rows.stream().map(r -> r == null ? null
                : Arrays.asList(r.nodeId(), r.sku(), r.onHand(), r.safetyStock())).toList());
    }

    private List<Violation> check(SnapshotRow r, int rowNo, Set<String> knownSkus, Set<String> seen) {
        String at = "rows[" + rowNo + "]";
        List<Violation> problems = new ArrayList<>();
        if (r.nodeId() == null || r.nodeId().isBlank()) {
            problems.add(new Violation(at + ".nodeId", "is required"));
        } else if (!nodes.exists(r.nodeId())) {
            problems.add(new Violation(at + ".nodeId", "unknown node " + r.nodeId()));
        }
        if (r.sku() == null || r.sku().isBlank()) {
            problems.add(new Violation(at + ".sku", "is required"));
        } else if (!knownSkus.contains(r.sku())) {
            problems.add(new Violation(at + ".sku", "unknown SKU " + r.sku()));
        }
        if (r.onHand() == null || r.onHand() < 0) {
            problems.add(new Violation(at + ".onHand", "is required and must be 0 or more"));
        }
        if (r.safetyStock() != null && r.safetyStock() < 0) {
            problems.add(new Violation(at + ".safetyStock", "must be 0 or more"));
        }
        if (problems.isEmpty() && !seen.add(r.nodeId() + "|" + r.sku())) {
            problems.add(new Violation(at, "repeats node " + r.nodeId() + " and SKU " + r.sku() + " of an earlier row"));
        }
        return problems;
    }
}
