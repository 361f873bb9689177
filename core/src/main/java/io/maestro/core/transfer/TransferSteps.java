package io.maestro.core.transfer;

import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of a transfer's status (the {@code stock-transfer} process calls it, nothing else does): each step
 * locks the transfer's row, checks the step is allowed from where it stands ({@link TransferStatus#canBecome}),
 * moves the units through the ledger, and writes the step on the timeline, in one transaction. A step the transfer
 * is already past (a job run again) changes nothing.
 */
@Service
public class TransferSteps {

    /** The ledger reason (prefix) of a transfer's release at its source. */
    public static final String RELEASE_REASON = "TRANSFER_RELEASE";
    /** The ledger reason (prefix) of a transfer's receipt at its destination. */
    public static final String RECEIPT_REASON = "TRANSFER_RECEIPT";
    /** The ledger reason (prefix) of units of a transfer written off as lost in transit. */
    public static final String LOSS_REASON = "TRANSFER_LOSS";

    private final Database db;
    private final InventoryLedger ledger;
    private final NetworkService network;
    private final StockTransfers transfers;
    private final ApplicationEventPublisher events;

    public TransferSteps(Database db, InventoryLedger ledger, NetworkService network, StockTransfers transfers,
                         ApplicationEventPublisher events) {
        this.db = db;
        this.ledger = ledger;
        this.network = network;
        this.transfers = transfers;
        this.events = events;
    }

    /**
     * Releases the units at the source: they leave its on-hand through the ledger (event {@code transfer:<id>:out}) and
     * are in transit. A paused source, or one that no longer has the units available, refuses: the transfer is
     * REJECTED with the reason and nothing moves. A release publishes {@link TransferReleased} in its transaction.
     */
    @Transactional
    public StockTransfer release(String transferId, String actor) {
        StockTransfer t = lock(transferId);
        if (t.status() != TransferStatus.REQUESTED) {
            return t;
        }
        Node source = network.get(t.fromNodeId());
        if (!source.acceptsWork()) {
            return reject(t, actor, "source " + source.id() + " is " + source.status() + ": it releases nothing");
        }
        if (!ledger.transferOut("transfer:" + transferId + ":out", t.fromNodeId(), t.sku(), t.units(),
                RELEASE_REASON + " " + transferId + " to " + t.toNodeId(), actor)) {
            return reject(t, actor, "source " + t.fromNodeId() + " has only " + ledger.transferable(t.fromNodeId(), t.sku())
                    + " of the " + t.units() + " " + t.sku() + " available now");
        }
        db.jdbc().update("update stock_transfer set status = ?, released = ?, updated_at = ? where transfer_id = ?",
                TransferStatus.IN_TRANSIT.name(), t.units(), db.now(), transferId);
        record(db, transferId, "TRANSFER_RELEASED", TransferStatus.IN_TRANSIT, actor, t.units() + " " + t.sku()
                + " left " + t.fromNodeId() + " for " + t.toNodeId() + ": in transit, sellable nowhere");
        events.publishEvent(new TransferReleased(transferId, t.sku(), t.fromNodeId(), t.toNodeId(), t.units()));
        return transfers.get(transferId);
    }

    private StockTransfer reject(StockTransfer t, String actor, String reason) {
        db.jdbc().update("update stock_transfer set status = ?, reason = ?, updated_at = ? where transfer_id = ?",
                TransferStatus.REJECTED.name(), reason, db.now(), t.transferId());
        record(db, t.transferId(), "TRANSFER_REJECTED", TransferStatus.REJECTED, actor, reason);
        return transfers.get(t.transferId());
    }

    /**
     * Applies the destination's stored receipt: the units received go into its stock through the ledger (event
     * {@code transfer:<id>:in:<eventId>}); what was released and did not arrive is written off as lost (RECEIVED_SHORT),
     * else the transfer is RECEIVED.
     */
    @Transactional
    public StockTransfer receive(String transferId, String receiptEventId, String actor) {
        StockTransfer t = lock(transferId);
        TransferReceipt receipt = transfers.receipt(receiptEventId)
                .filter(r -> r.transferId().equals(transferId))
                .orElseThrow(() -> new NotFoundException("receipt of " + transferId, receiptEventId));
        if (!t.status().awaitsReceipt()) {
            return t;
        }
        ledger.transferIn("transfer:" + transferId + ":in:" + receiptEventId, t.toNodeId(), t.sku(), receipt.units(),
                RECEIPT_REASON + " " + transferId + " from " + t.fromNodeId(), actor);
        long received = t.received() + receipt.units();
        long missing = t.released() - received - t.lost();
        TransferStatus next = missing > 0 ? TransferStatus.RECEIVED_SHORT : TransferStatus.RECEIVED;
        check(t, next);
        db.jdbc().update("update stock_transfer set status = ?, received = ?, lost = lost + ?, reason = ?, updated_at = ? "
                        + "where transfer_id = ?", next.name(), received, missing,
                missing > 0 ? missing + " of " + t.released() + " units did not arrive: written off as lost" : null,
                db.now(), transferId);
        record(db, transferId, "TRANSFER_RECEIVED", next, receipt.receivedBy(), receipt.units() + " of " + t.released()
                + " " + t.sku() + " received at " + t.toNodeId() + " (event " + receiptEventId + ")");
        if (missing > 0) {
            writeOffInLedger(t, missing, actor);
            record(db, transferId, "TRANSFER_LOSS_WRITTEN_OFF", next, actor, missing + " " + t.sku()
                    + " lost in transit, written off");
        }
        return transfers.get(transferId);
    }

    /** Nothing arrived by the deadline: OVERDUE, a person decides. */
    @Transactional
    public StockTransfer overdue(String transferId, String actor, String deadline) {
        return move(transferId, TransferStatus.OVERDUE, "TRANSFER_OVERDUE", actor,
                "nothing received within " + deadline + ": waiting for a decision (write off or keep waiting)");
    }

    /** A person keeps waiting for an overdue transfer: in transit again, with a new deadline. */
    @Transactional
    public StockTransfer keepWaiting(String transferId, String actor, String note) {
        StockTransfer t = lock(transferId);
        if (t.status() != TransferStatus.OVERDUE && t.status() != TransferStatus.IN_TRANSIT) {
            throw new StateConflictException("transfer " + transferId + " is " + t.status() + ": nothing to wait for");
        }
        return move(transferId, TransferStatus.IN_TRANSIT, "TRANSFER_KEPT_WAITING", actor,
                "keep waiting" + (note == null || note.isBlank() ? "" : ": " + note));
    }

    /** A person writes an overdue transfer off: every unit still in transit is lost, through the ledger. */
    @Transactional
    public StockTransfer writeOff(String transferId, String actor, String note) {
        StockTransfer t = lock(transferId);
        if (t.status() == TransferStatus.LOST) {
            return t;
        }
        check(t, TransferStatus.LOST);
        long missing = t.inTransit();
        String reason = missing + " units written off as lost" + (note == null || note.isBlank() ? "" : ": " + note);
        db.jdbc().update("update stock_transfer set status = ?, lost = lost + ?, reason = ?, updated_at = ? "
                + "where transfer_id = ?", TransferStatus.LOST.name(), missing, reason, db.now(), transferId);
        if (missing > 0) {
            writeOffInLedger(t, missing, actor);
        }
        record(db, transferId, "TRANSFER_LOSS_WRITTEN_OFF", TransferStatus.LOST, actor, reason);
        return transfers.get(transferId);
    }

    private void writeOffInLedger(StockTransfer t, long units, String actor) {
        ledger.transferLoss("transfer:" + t.transferId() + ":loss", t.fromNodeId(), t.sku(), units,
                LOSS_REASON + " " + t.transferId() + ": " + units + " " + t.sku() + " lost on the way to " + t.toNodeId(),
                actor);
    }

    private StockTransfer move(String transferId, TransferStatus next, String eventType, String actor, String detail) {
        StockTransfer t = lock(transferId);
        if (t.status() == next) {
            return t;
        }
        check(t, next);
        db.jdbc().update("update stock_transfer set status = ?, updated_at = ? where transfer_id = ?", next.name(),
                db.now(), transferId);
        record(db, transferId, eventType, next, actor, detail);
        return transfers.get(transferId);
    }

    private static void check(StockTransfer t, TransferStatus next) {
        if (!t.status().canBecome(next)) {
            throw new StateConflictException("transfer " + t.transferId() + " is " + t.status() + ", it cannot become "
                    + next);
        }
    }

    private StockTransfer lock(String transferId) {
        return db.jdbc().query("select " + StockTransfers.COLUMNS + " from stock_transfer where transfer_id = ? for update",
                StockTransfers::map, transferId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("transfer", transferId));
    }

    static void record(Database db, String transferId, String type, TransferStatus status, String actor, String detail) {
        db.jdbc().update("insert into stock_transfer_event (transfer_id, event_type, status, actor, detail, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)", transferId, type, status.name(), actor,
                detail.length() > 1000 ? detail.substring(0, 1000) : detail, db.now());
    }
}
