package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class LedgerRepository {

    private final Database db;

    LedgerRepository(Database db) {
        this.db = db;
    }

    private static final String INSERT = "insert into inventory_ledger (node_id, sku, entry_type, on_hand_delta, "
            + "reserved_delta, safety_stock_delta, reason, source_event_id, reservation_id, actor, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void append(LedgerEntry e) {
        db.jdbc().update(INSERT, row(e, db.now()));
    }

    /** Appends entries in one batched statement. */
    void appendAll(List<LedgerEntry> entries) {
        OffsetDateTime now = db.now();
        db.jdbc().batchUpdate(INSERT, entries.stream().map(e -> row(e, now)).toList());
    }

    private static Object[] row(LedgerEntry e, OffsetDateTime now) {
        return new Object[] {e.nodeId(), e.sku(), e.type().name(), e.onHandDelta(), e.reservedDelta(), e.safetyStockDelta(),
                truncate(e.reason(), 300), e.sourceEventId(), e.reservationId(), truncate(e.actor(), 100), now};
    }

    List<LedgerEntry> entriesFor(String nodeId, String sku) {
        return db.jdbc().query("select * from inventory_ledger where node_id = ? and sku = ? order by id",
                (rs, i) -> new LedgerEntry(rs.getString("node_id"), rs.getString("sku"),
                        LedgerEntryType.valueOf(rs.getString("entry_type")), rs.getLong("on_hand_delta"),
                        rs.getLong("reserved_delta"), rs.getLong("safety_stock_delta"), rs.getString("reason"),
                        rs.getString("source_event_id"), rs.getString("reservation_id"), rs.getString("actor")),
                nodeId, sku);
    }

    /** Every position as the sum of its ledger entries. */
    List<InventoryPosition> sums() {
        return db.jdbc().query("select node_id, sku, sum(on_hand_delta) on_hand, sum(reserved_delta) reserved, "
                + "sum(safety_stock_delta) safety_stock from inventory_ledger group by node_id, sku order by node_id, sku",
                PositionStore::map);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
