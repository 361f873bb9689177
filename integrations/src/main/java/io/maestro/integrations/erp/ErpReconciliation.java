package io.maestro.integrations.erp;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inventory.SnapshotImport;
import io.maestro.core.inventory.SnapshotReport;
import io.maestro.core.inventory.SnapshotRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles an ERP inventory snapshot against the ledger: for each (node, SKU) the difference between the ERP's
 * on-hand and Maestro's becomes one ledger entry with reason {@value #REASON} (none when they agree). Idempotent
 * per snapshot id. A row that cannot be taken is reported with its reason and kept as a dead letter of source
 * {@value #SOURCE} (one snapshot line of its own, replayable once the node or SKU exists).
 */
@Service
public class ErpReconciliation {

    public static final String REASON = "ERP_SNAPSHOT";
    public static final String SOURCE = "erp-snapshot";

    public enum Outcome { CHANGED, UNCHANGED, REJECTED }

    /** Per row: Maestro's on-hand before, after, the difference booked, or the reason it was rejected. */
    public record Line(long line, String nodeId, String sku, Outcome outcome, Long before, Long after, Long delta,
                       String reason) {
    }

    public record Report(String snapshotId, boolean duplicate, int rows, int changed, int unchanged, int rejected,
                         List<Line> lines) {

        /** The report as CSV, written next to an imported file. */
        public String toCsv() {
            List<List<?>> records = new ArrayList<>();
            for (Line l : lines) {
                records.add(List.of(l.line(), blank(l.nodeId()), blank(l.sku()), l.outcome(), blank(l.before()),
                        blank(l.after()), blank(l.delta()), blank(l.reason())));
            }
            return ErpCsv.write(List.of("line", "node_id", "sku", "outcome", "before", "after", "delta", "reason"), records);
        }

        private static Object blank(Object value) {
            return value == null ? "" : value;
        }
    }

    private final SnapshotImport snapshots;
    private final DeadLetters deadLetters;

    public ErpReconciliation(SnapshotImport snapshots, DeadLetters deadLetters) {
        this.snapshots = snapshots;
        this.deadLetters = deadLetters;
    }

    public Report reconcile(ErpSnapshot snapshot, String actor) {
        return reconcile(snapshot, actor, true);
    }

    /**
     * Replays a dead-lettered snapshot line; throws with the reason when it is still rejected, and then rolls back,
     * so its snapshot id stays unused for the next replay.
     */
    @Transactional
    public void replay(byte[] csv, String actor) {
        Report report = reconcile(ErpSnapshot.fromCsv(csv, null), actor, false);
        List<Violation> problems = report.lines().stream().filter(l -> l.outcome() == Outcome.REJECTED)
                .map(l -> new Violation("line " + l.line(), l.reason())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private Report reconcile(ErpSnapshot snapshot, String actor, boolean keepDeadLetters) {
        if (snapshot.snapshotId() == null || snapshot.snapshotId().isBlank()) {
            throw new InvalidRequestException("snapshotId", "is required");
        }
        if (snapshot.lines().isEmpty()) {
            throw new InvalidRequestException("rows", "must hold at least one row");
        }
        List<ErpSnapshot.Line> readable = snapshot.lines().stream().filter(l -> l.row() != null).toList();
        SnapshotReport imported = readable.isEmpty() ? null : snapshots.importSnapshot(snapshot.snapshotId(),
                readable.stream().map(ErpSnapshot.Line::row).toList(), REASON, actor);
        if (imported != null && imported.duplicate()) {
            return new Report(snapshot.snapshotId(), true, snapshot.lines().size(), 0, 0, 0, List.of());
        }
        List<Line> lines = new ArrayList<>();
        int readableIndex = 0;
        for (ErpSnapshot.Line l : snapshot.lines()) {
            if (l.row() == null) {
                lines.add(new Line(l.line(), l.nodeId(), l.sku(), Outcome.REJECTED, null, null, null, l.problem()));
                continue;
            }
            SnapshotReport.Row r = imported.results().get(readableIndex++);
            lines.add(switch (r.outcome()) {
                case APPLIED -> new Line(l.line(), l.nodeId(), l.sku(), Outcome.CHANGED, r.onHandBefore(), r.onHandAfter(),
                        r.onHandAfter() - r.onHandBefore(), null);
                case UNCHANGED -> new Line(l.line(), l.nodeId(), l.sku(), Outcome.UNCHANGED, r.onHandBefore(),
                        r.onHandAfter(), 0L, null);
                case REJECTED -> new Line(l.line(), l.nodeId(), l.sku(), Outcome.REJECTED, null, null, null,
                        r.violations().stream().map(v -> column(v.field()) + ": " + v.message())
                                .collect(Collectors.joining("; ")));
            });
        }
        if (keepDeadLetters) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (l.outcome() == Outcome.REJECTED) {
                    String reference = "snapshot " + snapshot.snapshotId() + " line " + l.line();
                    if (deadLetters.findByReference(SOURCE, reference).isEmpty()) {
                        deadLetters.record(SOURCE, reference, snapshot.lineAsCsv(snapshot.lines().get(i),
                                snapshot.snapshotId() + "/line-" + l.line()), l.reason());
                    }
                }
            }
        }
        return new Report(snapshot.snapshotId(), false, lines.size(), count(lines, Outcome.CHANGED),
                count(lines, Outcome.UNCHANGED), count(lines, Outcome.REJECTED), lines);
    }

    private static int count(List<Line> lines, Outcome outcome) {
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** {@code rows[3].nodeId} → {@code node_id}; a repeated row keeps its message. */
    private static String column(String field) {
        String f = field.replaceFirst("^rows\\[\\d+]\\.?", "");
        return switch (f) {
            case "nodeId" -> "node_id";
            case "onHand" -> "on_hand";
            case "safetyStock" -> "safety_stock";
            case "" -> "row";
            default -> f;
        };
    }
}
