package io.maestro.core.command;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Orders an operator holds: while held, an order's process allocates nothing new and releases nothing to nodes. */
@Repository
public class OrderHolds {

    public record Hold(String orderId, String reason, String heldBy, String commandId, OffsetDateTime heldAt) {
    }

    private final Database db;

    public OrderHolds(Database db) {
        this.db = db;
    }

    /** Holds the order; false when it is held already. */
    public boolean hold(String orderId, String reason, String heldBy, String commandId) {
        return db.insertIfAbsent("insert into order_hold (order_id, reason, held_by, command_id, held_at) values (?, ?, ?, ?, ?)",
                orderId, reason, heldBy, commandId, db.now());
    }

    /** Lets the order go on; false when it was not held. */
    public boolean release(String orderId) {
        return db.jdbc().update("delete from order_hold where order_id = ?", orderId) == 1;
    }

    public boolean isHeld(String orderId) {
        return find(orderId).isPresent();
    }

    public Optional<Hold> find(String orderId) {
        return db.jdbc().query("select order_id, reason, held_by, command_id, held_at from order_hold where order_id = ?",
                (rs, i) -> new Hold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), orderId).stream().findFirst();
    }
}
