package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class ReservationRepository {

    private static final String COLUMNS = "id, order_id, line_no, node_id, sku, quantity, status";

    private final Database db;

    ReservationRepository(Database db) {
        this.db = db;
    }

    boolean insertIfAbsent(ReservationRequest r) {
        return db.insertIfAbsent("insert into reservation (id, order_id, line_no, node_id, sku, quantity, status, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", r.reservationId(), r.orderId(), r.lineNo(),
                r.nodeId(), r.sku(), r.quantity(), db.now(), db.now());
    }

    Optional<Reservation> find(String id) {
        return db.jdbc().query("select " + COLUMNS + " from reservation where id = ?", ReservationRepository::map, id)
                .stream().findFirst();
    }

    Optional<Reservation> lock(String id) {
        return db.jdbc().query("select " + COLUMNS + " from reservation where id = ? for update", ReservationRepository::map, id)
                .stream().findFirst();
    }

    List<Reservation> forOrder(String orderId) {
        return db.jdbc().query("select " + COLUMNS + " from reservation where order_id = ? order by line_no, id",
                ReservationRepository::map, orderId);
    }

    List<Reservation> activeAt(String nodeId, String sku) {
        return db.jdbc().query("select " + COLUMNS + " from reservation where node_id = ? and sku = ? and status = 'ACTIVE' "
                + "order by created_at desc, id desc", ReservationRepository::map, nodeId, sku);
    }

    Map<String, Long> unitsPerNodeSince(OffsetDateTime since) {
        Map<String, Long> units = new HashMap<>();
        db.jdbc().query("select node_id, sum(quantity) from reservation where created_at >= ? and status <> 'RELEASED' "
                + "group by node_id", rs -> {
                    units.put(rs.getString(1), rs.getLong(2));
                }, since);
        return units;
    }

    /** Moves an active reservation to a final status; false when it was not active (already done). */
    boolean finish(String id, ReservationStatus status) {
        return db.jdbc().update("update reservation set status = ?, updated_at = ? where id = ? and status = 'ACTIVE'",
                status.name(), db.now(), id) == 1;
    }

    /** Takes units off an active reservation; false when it was not active or holds no more than that. */
    boolean reduce(String id, long units) {
        return db.jdbc().update("update reservation set quantity = quantity - ?, updated_at = ? where id = ? "
                + "and status = 'ACTIVE' and quantity > ?", units, db.now(), id, units) == 1;
    }

    void moveTo(String id, String nodeId) {
        db.jdbc().update("update reservation set node_id = ?, updated_at = ? where id = ?", nodeId, db.now(), id);
    }

    private static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getString("id"), rs.getString("order_id"), rs.getInt("line_no"), rs.getString("node_id"),
                rs.getString("sku"), rs.getLong("quantity"), ReservationStatus.valueOf(rs.getString("status")));
    }
}
