package io.maestro.core.replenishment;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.Violations;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.AdjustmentResult;
import io.maestro.core.inventory.InventoryLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders to the ERP: one per approved proposal (request id {@code PO-<proposalId>}), on order from the
 * moment it is written until the ERP confirms its receipt, which goes into the ledger as a receipt at the node.
 */
@Service
public class PurchaseOrders {

    /** The ledger reason of a purchase order's receipt. */
    public static final String RECEIPT_REASON = "PURCHASE_ORDER_RECEIPT";

    /** The scope the ledger remembers its event ids in (InventoryLedger's). */
    private static final String LEDGER_EVENTS = "inventory";

    private static final String COLUMNS = "request_id, proposal_id, node_id, sku, quantity, received, status, receipt_event_id, "
            + "created_at, acknowledged_at, received_at";

    private final Database db;
    private final ReplenishmentProposals proposals;
    private final InventoryLedger ledger;

    public PurchaseOrders(Database db, ReplenishmentProposals proposals, InventoryLedger ledger) {
        this.db = db;
        this.proposals = proposals;
        this.ledger = ledger;
    }

    public static String requestIdOf(String proposalId) {
        return "PO-" + proposalId;
    }

    /** Writes the purchase order of an approved proposal, once; the stored one back. */
    @Transactional
    public PurchaseOrder place(String proposalId) {
        ReplenishmentProposal p = proposals.get(proposalId);
        if (p.approvedQuantity() == null) {
            throw new StateConflictException("proposal " + proposalId + " is " + p.status() + ": nothing to order");
        }
        db.insertIfAbsent("insert into purchase_order (request_id, proposal_id, node_id, sku, quantity, status, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?)", requestIdOf(proposalId), proposalId, p.nodeId(),
                p.sku(), p.approvedQuantity(), PurchaseOrderStatus.REQUESTED.name(), db.now());
        return get(requestIdOf(proposalId));
    }

    /** The ERP took the order. */
    @Transactional
    public void acknowledge(String requestId) {
        db.jdbc().update("update purchase_order set status = ?, acknowledged_at = ? where request_id = ? and status = ?",
                PurchaseOrderStatus.ACKNOWLEDGED.name(), db.now(), requestId, PurchaseOrderStatus.REQUESTED.name());
    }

    /**
     * The ERP refused the order, an operator gave up on an ERP that stayed down, or the rest of a partial delivery is
     * cancelled: no longer on order (what was received stays received).
     */
    @Transactional
    public void withdraw(String requestId) {
        db.jdbc().update("update purchase_order set status = ? where request_id = ? and status in (?, ?, ?)",
                PurchaseOrderStatus.WITHDRAWN.name(), requestId, PurchaseOrderStatus.REQUESTED.name(),
                PurchaseOrderStatus.ACKNOWLEDGED.name(), PurchaseOrderStatus.PARTIALLY_RECEIVED.name());
    }

    public PurchaseOrder get(String requestId) {
        return find(requestId).orElseThrow(() -> new NotFoundException("purchase order", requestId));
    }

    public Optional<PurchaseOrder> find(String requestId) {
        return db.jdbc().query("select " + COLUMNS + " from purchase_order where request_id = ?", PurchaseOrders::map,
                requestId).stream().findFirst();
    }

    /** Purchase orders by node and SKU (either may be null: all), open ones only or all, newest first. */
    public List<PurchaseOrder> list(String nodeId, String sku, boolean openOnly, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from purchase_order where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (nodeId != null) {
            sql.append(" and node_id = ?");
            args.add(nodeId);
        }
        if (sku != null) {
            sql.append(" and sku = ?");
            args.add(sku);
        }
        if (openOnly) {
            sql.append(" and status in (?, ?, ?)");
            args.add(PurchaseOrderStatus.REQUESTED.name());
            args.add(PurchaseOrderStatus.ACKNOWLEDGED.name());
            args.add(PurchaseOrderStatus.PARTIALLY_RECEIVED.name());
        }
        sql.append(" order by created_at desc, request_id limit ").append(limit);
        return db.jdbc().query(sql.toString(), PurchaseOrders::map, args.toArray());
    }

    /** Units on order per SKU at a node: what the open purchase orders have not delivered yet. */
    public Map<String, Long> onOrderAt(String nodeId) {
        Map<String, Long> onOrder = new HashMap<>();
        db.jdbc().query("select sku, sum(case when quantity > received then quantity - received else 0 end) "
                        + "from purchase_order where node_id = ? and status in (?, ?, ?) group by sku", rs -> {
                    onOrder.put(rs.getString(1), rs.getLong(2));
                }, nodeId, PurchaseOrderStatus.REQUESTED.name(), PurchaseOrderStatus.ACKNOWLEDGED.name(),
                PurchaseOrderStatus.PARTIALLY_RECEIVED.name());
        return onOrder;
    }

    /**
     * The ERP's receipt confirmation: the units go into the ledger at the order's node (event id = the receipt's,
     * so a repeat changes nothing) and count as received, in one transaction. Fewer units than are still on order leave
     * the rest on order ({@code PARTIALLY_RECEIVED}); the order is {@code RECEIVED} once all arrived (more than ordered
     * are taken and close it); goods of a withdrawn order that arrive anyway are received. A receipt under a new event
     * id of an order received in full, or whose rest was withdrawn after a partial receipt, is a conflict; a receipt of
     * an unknown order is refused naming {@code requestId}.
     */
    @Transactional
    public Received receive(PurchaseOrderReceipt receipt) {
        Violations violations = new Violations();
        violations.requireText(receipt.eventId(), "eventId", 120);
        violations.requireText(receipt.requestId(), "requestId", 90);
        violations.require(receipt.quantity() != null && receipt.quantity() > 0, "quantity",
                "must be a positive whole number");
        violations.throwIfAny();
        PurchaseOrder order = db.jdbc().query("select " + COLUMNS + " from purchase_order where request_id = ? for update",
                        PurchaseOrders::map, receipt.requestId()).stream().findFirst()
                .orElseThrow(() -> new InvalidRequestException("requestId", "no purchase order " + receipt.requestId()));
        boolean closed = order.status() == PurchaseOrderStatus.RECEIVED || order.status() == PurchaseOrderStatus.WITHDRAWN
                && order.received() > 0;
        if (closed && !seenBefore(receipt.eventId())) {
            throw new StateConflictException("purchase order " + order.requestId() + " was received before (event "
                    + order.receiptEventId() + ")" + (order.status() == PurchaseOrderStatus.WITHDRAWN
                    ? " and its rest withdrawn" : ""));
        }
        AdjustmentResult result = ledger.adjust(new Adjustment(receipt.eventId(), order.nodeId(), order.sku(),
                receipt.quantity(), null, null, RECEIPT_REASON + " " + order.requestId()), "erp");
        if (!result.duplicate()) {
            long received = order.received() + receipt.quantity();
            PurchaseOrderStatus next = received >= order.quantity() || order.status() == PurchaseOrderStatus.WITHDRAWN
                    ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED;
            db.jdbc().update("update purchase_order set status = ?, received = ?, receipt_event_id = ?, received_at = ? "
                    + "where request_id = ?", next.name(), received, receipt.eventId(), db.now(), order.requestId());
        }
        return new Received(get(order.requestId()), result.duplicate());
    }

    /** Whether an event id was taken by the ledger before (a repeated receipt). */
    private boolean seenBefore(String eventId) {
        Long seen = db.jdbc().queryForObject("select count(*) from processed_event where scope = ? and event_id = ?",
                Long.class, LEDGER_EVENTS, eventId);
        return seen != null && seen > 0;
    }

    /** A receipt taken: the order as it is now, and whether the receipt had been taken before. */
    public record Received(PurchaseOrder order, boolean duplicate) {
    }

    private static PurchaseOrder map(ResultSet rs, int row) throws SQLException {
        return new PurchaseOrder(rs.getString("request_id"), rs.getString("proposal_id"), rs.getString("node_id"),
                rs.getString("sku"), rs.getLong("quantity"), rs.getLong("received"),
                PurchaseOrderStatus.valueOf(rs.getString("status")),
                rs.getString("receipt_event_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getObject("received_at", OffsetDateTime.class));
    }
}
