package io.maestro.core.inventory;

import io.maestro.core.Violation;
import java.util.List;

/** What a bulk snapshot did, row by row (rows numbered from 1 in the order given). */
public record SnapshotReport(String snapshotId, int rows, int applied, int unchanged, int rejected, boolean duplicate,
                             List<Row> results) {

    public enum Outcome { APPLIED, UNCHANGED, REJECTED }

    public record Row(int row, String nodeId, String sku, Outcome outcome, Long onHandBefore, Long onHandAfter,
                      List<Violation> violations) {
    }
}
