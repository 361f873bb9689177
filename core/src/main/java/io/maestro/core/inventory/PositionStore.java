package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The positions table. Every write here goes with a ledger entry written by {@link InventoryLedger}. */
@Repository
class PositionStore {

    private static final String COLUMNS = "node_id, sku, on_hand, reserved, safety_stock";

    private final Database db;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PositionStore(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<InventoryPosition> find(String nodeId, String sku) {
        return jdbc.query("select " + COLUMNS + " from inventory_position where node_id = ? and sku = ?",
                PositionStore::map, nodeId, sku).stream().findFirst();
    }

    /** Reads the position and holds its row lock until the transaction ends; creates an empty one first if needed. */
    InventoryPosition lock(String nodeId, String sku) {
        Optional<InventoryPosition> existing = selectForUpdate(nodeId, sku);
        if (existing.isPresent()) {
            return existing.get();
        }
        db.insertIfAbsent("insert into inventory_position (node_id, sku, on_hand, reserved, safety_stock, version, updated_at) "
                + "values (?, ?, 0, 0, 0, 0, ?)", nodeId, sku, db.now());
        return selectForUpdate(nodeId, sku).orElseThrow();
    }

    private Optional<InventoryPosition> selectForUpdate(String nodeId, String sku) {
        return jdbc.query("select " + COLUMNS + " from inventory_position where node_id = ? and sku = ? for update",
                PositionStore::map, nodeId, sku).stream().findFirst();
    }

    /** Every node's position of a SKU with the share held for other channels than {@code channel}, in one query. */
    List<NodeAvailability> availability(String sku, String channel) {
        return jdbc.query("select p.node_id, p.sku, p.on_hand, p.reserved, p.safety_stock, coalesce(h.percent, 0) held "
                + "from inventory_position p left join (select sku, least(sum(percent), 100) percent from channel_protection "
                + "where sku = ? and channel <> ? group by sku) h on h.sku = p.sku where p.sku = ? order by p.node_id",
                (rs, row) -> NodeAvailability.of(map(rs, row), rs.getDouble("held")), sku, channel == null ? "" : channel, sku);
    }

    List<InventoryPosition> byNode(String nodeId) {
        return jdbc.query("select " + COLUMNS + " from inventory_position where node_id = ? order by sku",
                PositionStore::map, nodeId);
    }

    List<InventoryPosition> bySkus(Collection<String> skus) {
        return named.query("select " + COLUMNS + " from inventory_position where sku in (:skus) order by node_id, sku",
                Map.of("skus", skus), PositionStore::map);
    }

    List<InventoryPosition> all() {
        return jdbc.query("select " + COLUMNS + " from inventory_position order by node_id, sku", PositionStore::map);
    }

    void apply(String nodeId, String sku, long onHandDelta, long reservedDelta, long safetyStockDelta) {
        jdbc.update("update inventory_position set on_hand = on_hand + ?, reserved = reserved + ?, "
                + "safety_stock = safety_stock + ?, version = version + 1, updated_at = ? where node_id = ? and sku = ?",
                onHandDelta, reservedDelta, safetyStockDelta, db.now(), nodeId, sku);
    }

    /**
     * Reserves in one conditional update, so no interleaving can take ATP below zero: the row only
     * changes while on-hand less reserved, safety stock and what is held for other channels covers
     * the quantity. Channel null counts every protection.
     */
    boolean tryReserve(String nodeId, String sku, long quantity, String channel) {
        return jdbc.update("update inventory_position set reserved = reserved + ?, version = version + 1, updated_at = ? "
                + "where node_id = ? and sku = ? and on_hand - reserved - safety_stock - floor(on_hand * "
                + "(select least(coalesce(sum(cp.percent), 0), 100) from channel_protection cp "
                + "where cp.sku = inventory_position.sku and cp.channel <> ?) / 100) >= ?",
                quantity, db.now(), nodeId, sku, channel == null ? "" : channel, quantity) == 1;
    }

    /** Takes reserved units out of stock; refuses when a loss already took on-hand below them. */
    boolean tryConsume(String nodeId, String sku, long quantity) {
        return jdbc.update("update inventory_position set on_hand = on_hand - ?, reserved = reserved - ?, "
                + "version = version + 1, updated_at = ? where node_id = ? and sku = ? and on_hand >= ? and reserved >= ?",
                quantity, quantity, db.now(), nodeId, sku, quantity, quantity) == 1;
    }

    void overwrite(InventoryPosition p) {
        int updated = jdbc.update("update inventory_position set on_hand = ?, reserved = ?, safety_stock = ?, "
                + "version = version + 1, updated_at = ? where node_id = ? and sku = ?",
                p.onHand(), p.reserved(), p.safetyStock(), db.now(), p.nodeId(), p.sku());
        if (updated == 0) {
            jdbc.update("insert into inventory_position (node_id, sku, on_hand, reserved, safety_stock, version, updated_at) "
                    + "values (?, ?, ?, ?, ?, 0, ?)", p.nodeId(), p.sku(), p.onHand(), p.reserved(), p.safetyStock(), db.now());
        }
    }

    static InventoryPosition map(ResultSet rs, int row) throws SQLException {
        return new InventoryPosition(rs.getString("node_id"), rs.getString("sku"), rs.getLong("on_hand"),
                rs.getLong("reserved"), rs.getLong("safety_stock"));
    }
}
