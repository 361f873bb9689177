package io.maestro.core.returns;

import io.maestro.core.db.Database;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ReturnRepository {

    private final Database db;
    private final JdbcTemplate jdbc;

    public ReturnRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    String nextReturnId() {
        return "RET-" + db.nextValue("return_number_seq");
    }

    /** Takes the order's row lock: returns of one order are checked against what is left one at a time. */
    boolean lockOrder(String orderId) {
        return !jdbc.queryForList("select id from orders where id = ? for update", String.class, orderId).isEmpty();
    }

    /** Units per order line that left in a shipment (dispatched, in transit or delivered / picked up). */
    Map<Integer, Integer> shippedUnits(String orderId) {
        return unitsByLine("select sl.line_no, sum(sl.quantity) from shipment_line sl join shipment s on s.id = sl.shipment_id "
                + "where s.order_id = ? and s.status in ('DISPATCHED', 'DELAYED', 'DELIVERED') group by sl.line_no", orderId);
    }

    /** Units per order line returned before. */
    Map<Integer, Integer> returnedUnits(String orderId) {
        return unitsByLine("select rl.order_line_no, sum(rl.quantity) from return_line rl join customer_return r "
                + "on r.id = rl.return_id where r.order_id = ? group by rl.order_line_no", orderId);
    }

    void insert(CustomerReturn r, String contentHash) {
        jdbc.update("insert into customer_return (id, order_id, node_id, status, refund_amount, created_by, created_at, "
                        + "updated_at, content_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.returnId(), r.orderId(), r.nodeId(),
                r.status().name(), r.refundAmount(), r.createdBy(), r.createdAt(), r.updatedAt(), contentHash);
        jdbc.batchUpdate("insert into return_line (return_id, line_no, order_line_no, sku, quantity, reason) "
                + "values (?, ?, ?, ?, ?, ?)", r.lines().stream().map(l -> new Object[] {r.returnId(), l.lineNo(),
                l.orderLineNo(), l.sku(), l.quantity(), l.reason()}).toList());
    }

    /** The hash of what the caller reported (empty for returns recorded before V7). */
    Optional<String> contentHashOf(String returnId) {
        return jdbc.queryForList("select content_hash from customer_return where id = ?", String.class, returnId).stream()
                .filter(Objects::nonNull).findFirst();
    }

    Optional<CustomerReturn> find(String returnId) {
        List<ReturnLine> lines = jdbc.query("select line_no, order_line_no, sku, quantity, reason, item_condition, "
                + "inspection_notes, disposition, disposition_reason from return_line where return_id = ? order by line_no",
                (rs, i) -> new ReturnLine(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6) == null ? null : ItemCondition.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8) == null ? null : Disposition.valueOf(rs.getString(8)), rs.getString(9)), returnId);
        return jdbc.query("select id, order_id, node_id, status, refund_amount, created_by, created_at, updated_at "
                        + "from customer_return where id = ?", (rs, i) -> new CustomerReturn(rs.getString(1), rs.getString(2),
                        rs.getString(3), ReturnStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), lines), returnId)
                .stream().findFirst();
    }

    List<String> idsOfOrder(String orderId) {
        return jdbc.queryForList("select id from customer_return where order_id = ? order by created_at, id", String.class,
                orderId);
    }

    boolean updateInspection(String returnId, int lineNo, ItemCondition condition, String notes) {
        return jdbc.update("update return_line set item_condition = ?, inspection_notes = ? where return_id = ? and line_no = ?",
                condition.name(), notes, returnId, lineNo) == 1;
    }

    boolean updateDisposition(String returnId, int lineNo, Disposition disposition, String reason) {
        return jdbc.update("update return_line set disposition = ?, disposition_reason = ? where return_id = ? and line_no = ?",
                disposition.name(), reason, returnId, lineNo) == 1;
    }

    boolean updateStatus(String returnId, ReturnStatus status, BigDecimal refundAmount) {
        return jdbc.update("update customer_return set status = ?, refund_amount = coalesce(?, refund_amount), updated_at = ? "
                + "where id = ?", status.name(), refundAmount, db.now(), returnId) == 1;
    }

    OffsetDateTime now() {
        return db.now();
    }

    private Map<Integer, Integer> unitsByLine(String sql, String orderId) {
        Map<Integer, Integer> units = new HashMap<>();
        jdbc.query(sql, rs -> {
            units.put(rs.getInt(1), rs.getInt(2));
        }, orderId);
        return units;
    }
}
