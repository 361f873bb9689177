package io.maestro.core.transfer;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.Violations;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved stock transfers: stored once per idempotency key, read back with their timeline, and the destination's
 * receipts stored once per event id. Their status changes only through {@link TransferSteps}, which the process calls.
 */
@Service
public class StockTransfers {

    /** The header a client names a transfer request with, so that sending it again approves nothing twice. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String COLUMNS = "transfer_id, sku, from_node_id, to_node_id, units, note, status, reason, released, "
            + "received, lost, requested_by, created_at, updated_at";

    private final Database db;
    private final CatalogService catalog;
    private final NetworkService network;
    private final InventoryLedger ledger;

    public StockTransfers(Database db, CatalogService catalog, NetworkService network, InventoryLedger ledger) {
        this.db = db;
        this.catalog = catalog;
        this.network = network;
        this.ledger = ledger;
    }

    /** A stored transfer, and whether this call stored it (false: its idempotency key had been used before). */
    public record Requested(StockTransfer transfer, boolean created) {
    }

    /**
     * Stores an approved transfer ({@code TR-<n>}, REQUESTED) after checking every field; the source must have the
     * units available now (ATP with every channel's protection held back), else {@link InsufficientStockException}.
     * The same idempotency key again with the same SKU, nodes and units returns the stored transfer; with others it is
     * refused.
     */
    @Transactional
    public Requested request(TransferRequest r, String idempotencyKey, String actor) {
        validate(r, idempotencyKey);
        if (idempotencyKey != null) {
            Optional<Requested> before = byKey(idempotencyKey, r);
            if (before.isPresent()) {
                return before.get();
            }
        }
        long available = ledger.transferable(r.fromNodeId(), r.sku());
        if (available < r.units()) {
            throw new InsufficientStockException(r.fromNodeId(), r.sku(), r.units(), available);
        }
        String id = "TR-" + db.nextValue("stock_transfer_seq");
        OffsetDateTime now = db.now();
        if (!db.insertIfAbsent("insert into stock_transfer (transfer_id, idempotency_key, content_hash, sku, from_node_id, "
                        + "to_node_id, units, note, status, released, received, lost, requested_by, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)", id, idempotencyKey, r.contentHash(),
                r.sku(), r.fromNodeId(), r.toNodeId(), r.units(), r.note(), TransferStatus.REQUESTED.name(), actor, now,
                now)) {
            return byKey(idempotencyKey, r).orElseThrow();
        }
        TransferSteps.record(db, id, "TRANSFER_REQUESTED", TransferStatus.REQUESTED, actor, r.units() + " " + r.sku()
                + " from " + r.fromNodeId() + " to " + r.toNodeId() + " approved" + (r.note() == null ? "" : ": " + r.note()));
        return new Requested(get(id), true);
    }

    private Optional<Requested> byKey(String key, TransferRequest r) {
        List<String[]> found = db.jdbc().query("select transfer_id, content_hash from stock_transfer where idempotency_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get(0)[1].equals(r.contentHash())) {
            throw new IdempotencyConflictException(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " " + key
                    + " was already used for a different transfer (" + found.get(0)[0] + ")");
        }
        return Optional.of(new Requested(get(found.get(0)[0]), false));
    }

    private void validate(TransferRequest r, String idempotencyKey) {
        Violations v = new Violations();
        if (v.requireText(r.sku(), "sku", 64)) {
            v.require(catalog.find(r.sku()).isPresent(), "sku", "unknown SKU " + r.sku());
        }
        boolean from = v.requireText(r.fromNodeId(), "fromNodeId", 40);
        if (from) {
            v.require(network.find(r.fromNodeId()).isPresent(), "fromNodeId", "unknown node " + r.fromNodeId());
        }
        if (v.requireText(r.toNodeId(), "toNodeId", 40)) {
            v.require(network.find(r.toNodeId()).isPresent(), "toNodeId", "unknown node " + r.toNodeId());
            v.require(!from || !r.toNodeId().equals(r.fromNodeId()), "toNodeId", "must differ from fromNodeId");
        }
        v.require(r.units() != null && r.units() >= 1 && r.units() <= 1_000_000_000L, "units",
                "must be a positive whole number (at most 1,000,000,000)");
        v.require(r.note() == null || r.note().length() <= 500, "note", "must be at most 500 characters");
        v.require(idempotencyKey == null || !idempotencyKey.isBlank() && idempotencyKey.length() <= 100,
                IDEMPOTENCY_KEY, "must be 1 to 100 characters");
        v.throwIfAny();
    }

    public StockTransfer get(String transferId) {
        return find(transferId).orElseThrow(() -> new NotFoundException("transfer", transferId));
    }

    public Optional<StockTransfer> find(String transferId) {
        return db.jdbc().query("select " + COLUMNS + " from stock_transfer where transfer_id = ?", StockTransfers::map,
                transferId).stream().findFirst();
    }

    /** Transfers in a status and of a SKU (either null: any), newest first. */
    public List<StockTransfer> list(TransferStatus status, String sku, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from stock_transfer where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (sku != null) {
            sql.append(" and sku = ?");
            args.add(sku);
        }
        sql.append(" order by created_at desc, transfer_id desc limit ").append(limit);
        return db.jdbc().query(sql.toString(), StockTransfers::map, args.toArray());
    }

    /** The SKU's transfers with units in transit (released, not yet received nor written off), oldest first. */
    public List<StockTransfer> inTransit(String sku) {
        return db.jdbc().query("select " + COLUMNS + " from stock_transfer where sku = ? and status in (?, ?) "
                        + "and released > received + lost order by created_at, transfer_id", StockTransfers::map, sku,
                TransferStatus.IN_TRANSIT.name(), TransferStatus.OVERDUE.name());
    }

    /** The transfer's steps, oldest first. */
    public List<TransferEvent> timeline(String transferId) {
        get(transferId);
        return db.jdbc().query("select created_at, event_type, status, actor, detail from stock_transfer_event "
                        + "where transfer_id = ? order by id", (rs, i) -> new TransferEvent(
                        rs.getObject(1, OffsetDateTime.class), rs.getString(2), TransferStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)), transferId);
    }

    /** A receipt stored, and whether its event id had been stored before (then nothing new is to be applied). */
    public record StoredReceipt(TransferReceipt receipt, boolean duplicate) {
    }

    /**
     * Stores the destination's receipt of a transfer in transit, once per event id: the same event again is a
     * duplicate, with other units or of another transfer a conflict. Units must be 1 to the units in transit; a
     * transfer not in transit, or that has a receipt under another event id, cannot take one ({@code 409}).
     */
    @Transactional
    public StoredReceipt storeReceipt(String transferId, String eventId, Long units, String actor) {
        Violations v = new Violations();
        v.requireText(eventId, "eventId", 60);
        v.require(units != null && units >= 1, "units", "must be a positive whole number");
        v.throwIfAny();
        StockTransfer t = db.jdbc().query("select " + COLUMNS + " from stock_transfer where transfer_id = ? for update",
                StockTransfers::map, transferId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("transfer", transferId));
        String hash = ContentHash.of(transferId, units);
        Optional<TransferReceipt> same = receipt(eventId);
        if (same.isPresent()) {
            if (!same.get().transferId().equals(transferId) || same.get().units() != units) {
                throw new IdempotencyConflictException("eventId", "eventId " + eventId
                        + " was already used for another receipt (" + same.get().units() + " units of "
                        + same.get().transferId() + ")");
            }
            return new StoredReceipt(same.get(), true);
        }
        if (!t.status().awaitsReceipt()) {
            throw new StateConflictException("transfer " + transferId + " is " + t.status() + ": it takes no receipt");
        }
        List<String> others = db.jdbc().queryForList("select event_id from stock_transfer_receipt where transfer_id = ?",
                String.class, transferId);
        if (!others.isEmpty()) {
            throw new StateConflictException("transfer " + transferId + " has a receipt already (event " + others.get(0) + ")");
        }
        if (units > t.inTransit()) {
            throw new InvalidRequestException("units", "at most the " + t.inTransit() + " units in transit");
        }
        db.jdbc().update("insert into stock_transfer_receipt (event_id, transfer_id, units, content_hash, received_by, "
                + "received_at) values (?, ?, ?, ?, ?, ?)", eventId, transferId, units, hash, actor, db.now());
        return new StoredReceipt(receipt(eventId).orElseThrow(), false);
    }

    public Optional<TransferReceipt> receipt(String eventId) {
        return db.jdbc().query("select event_id, transfer_id, units, received_by, received_at from stock_transfer_receipt "
                        + "where event_id = ?", (rs, i) -> new TransferReceipt(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)), eventId).stream()
                .findFirst();
    }

    static StockTransfer map(ResultSet rs, int row) throws SQLException {
        return new StockTransfer(rs.getString("transfer_id"), rs.getString("sku"), rs.getString("from_node_id"),
                rs.getString("to_node_id"), rs.getLong("units"), rs.getString("note"),
                TransferStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getLong("released"),
                rs.getLong("received"), rs.getLong("lost"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
