package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Repository;

@Repository
class ReservationRepository {

    private static final String COLUMNS = "id, order_id, line_no, node_id, sku, quantity, status";

    private final Database db;

    ReservationRepository(Database db) {
        this.db = db;
    }

    boolean insertIfAbsent(ReservationRequest r, LocalDate capacityDay) {
        return db.insertIfAbsent("insert into reservation (id, order_id, line_no, node_id, sku, quantity, status, created_at, "
                + "updated_at, capacity_day) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", r.reservationId(), r.orderId(),
                r.lineNo(), r.nodeId(), r.sku(), r.quantity(), db.now(), db.now(), capacityDay);
    }

    /** The day of its node's capacity a reservation holds, if any. */
    Optional<LocalDate> capacityDay(String id) {
        return db.jdbc().query("select capacity_day from reservation where id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), id).stream().filter(Objects::nonNull).findFirst();
    }

    /** Locks reservations in id order (the order every path takes them in), read as they are. */
    List<Reservation> lockAll(Collection<String> ids) {
        return new TreeSet<>(ids).stream().map(this::lock).flatMap(Optional::stream).toList();
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
