package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.springframework.stereotype.Component;

/**
 * A node's daily capacity (units a day), held like stock: one counter per node and day, taken by a conditional
 * update in the transaction that reserves, so no interleaving of reservations takes a node over its capacity;
 * given back when a reservation of that day is released. Counters are taken after the positions, in node order.
 */
@Component
class NodeCapacity {

    private final Database db;
    private final Clock clock;

    NodeCapacity(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The day reservations made now count against (in the application's time zone, as planning reads it). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Takes {@code units} of each node's capacity on {@code day}, in node order; returns the first node that has
     * not that much left (the caller rolls back), or null when every node had room.
     */
    String hold(SortedMap<String, Long> unitsByNode, LocalDate day) {
        for (Map.Entry<String, Long> e : unitsByNode.entrySet()) {
            db.insertIfAbsent("insert into node_capacity_day (node_id, on_day, units) values (?, ?, 0)", e.getKey(), day);
            int taken = db.jdbc().update("update node_capacity_day set units = units + ? where node_id = ? and on_day = ? "
                    + "and units + ? <= (select daily_capacity from node where id = ?)",
                    e.getValue(), e.getKey(), day, e.getValue(), e.getKey());
            if (taken == 0) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Gives units back to a node's day (never below zero). */
    void giveBack(String nodeId, LocalDate day, long units) {
        db.jdbc().update("update node_capacity_day set units = case when units > ? then units - ? else 0 end "
                + "where node_id = ? and on_day = ?", units, units, nodeId, day);
    }

    /** Units held per node on a day. */
    Map<String, Long> heldOn(LocalDate day) {
        Map<String, Long> held = new HashMap<>();
        db.jdbc().query("select node_id, units from node_capacity_day where on_day = ?",
                rs -> {
                    held.put(rs.getString(1), rs.getLong(2));
                }, day);
        return held;
    }

    /** What a node has left on a day. */
    long left(String nodeId, LocalDate day) {
        Long capacity = db.jdbc().queryForObject("select daily_capacity from node where id = ?", Long.class, nodeId);
        Long held = db.jdbc().query("select units from node_capacity_day where node_id = ? and on_day = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, nodeId, day);
        return Math.max(0, (capacity == null ? 0 : capacity) - (held == null ? 0 : held));
    }
}
