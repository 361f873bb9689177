package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The positions table. Every write here goes with a ledger entry written by {@link InventoryLedger}. */
@Repository
class PositionStore {

    private static final String COLUMNS = "node_id, sku, on_hand, reserved, safety_stock";
    /**
     * Rows are locked in Java's string order ({@link PositionKey}); PostgreSQL sorts text by the database's
     * collation (which may ignore punctuation) unless told to compare code points.
     */
    private static final String BY_CODE_POINT = "sku collate \"C\"";

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

    /**
     * Reads and locks the positions of several (node, SKU) pairs, creating empty ones first where needed: one
     * query per node. The map iterates in (node, SKU) order.
     */
    Map<PositionKey, InventoryPosition> lockAll(Collection<PositionKey> keys) {
        Map<String, TreeSet<String>> skusByNode = new TreeMap<>();
        keys.forEach(k -> skusByNode.computeIfAbsent(k.nodeId(), n -> new TreeSet<>()).add(k.sku()));
        Map<PositionKey, InventoryPosition> locked = new TreeMap<>();
        skusByNode.forEach((node, skus) -> {
            List<InventoryPosition> found = selectForUpdate(node, skus);
            if (found.size() < skus.size()) {
                Set<String> missing = new TreeSet<>(skus);
                found.forEach(p -> missing.remove(p.sku()));
                missing.forEach(sku -> db.insertIfAbsent("insert into inventory_position (node_id, sku, on_hand, reserved, "
                        + "safety_stock, version, updated_at) values (?, ?, 0, 0, 0, 0, ?)", node, sku, db.now()));
                found = selectForUpdate(node, skus);
            }
            found.forEach(p -> locked.put(new PositionKey(p.nodeId(), p.sku()), p));
        });
        return locked;
    }

    private List<InventoryPosition> selectForUpdate(String nodeId, Collection<String> skus) {
        return named.query("select " + COLUMNS + " from inventory_position where node_id = :node and sku in (:skus) "
                + "order by " + (db.isPostgres() ? BY_CODE_POINT : "sku") + " for update", Map.of("node", nodeId, "skus", skus),
                PositionStore::map);
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

    private static final String APPLY = "update inventory_position set on_hand = on_hand + ?, reserved = reserved + ?, "
            + "safety_stock = safety_stock + ?, version = version + 1, updated_at = ? where node_id = ? and sku = ?";

    void apply(String nodeId, String sku, long onHandDelta, long reservedDelta, long safetyStockDelta) {
        jdbc.update(APPLY, onHandDelta, reservedDelta, safetyStockDelta, db.now(), nodeId, sku);
    }

    /**
     * Moves each position from what was read to what it became: one statement per node, by the differences.
     * (Updating the rows one by one costs more on H2: without table statistics it plans an update by
     * {@code node_id and sku} as a scan of the node's positions.)
     */
    void applyAll(Map<PositionKey, InventoryPosition> read, Map<PositionKey, InventoryPosition> became) {
        Map<String, List<InventoryPosition[]>> changedByNode = new TreeMap<>();
        became.forEach((key, to) -> {
            InventoryPosition from = read.get(key);
            if (!to.equals(from)) {
                changedByNode.computeIfAbsent(key.nodeId(), n -> new ArrayList<>()).add(new InventoryPosition[] {from, to});
            }
        });
        changedByNode.forEach(this::applyAt);
    }

    private void applyAt(String nodeId, List<InventoryPosition[]> changes) {
        StringBuilder onHand = new StringBuilder("case sku");
        StringBuilder reserved = new StringBuilder("case sku");
        StringBuilder safetyStock = new StringBuilder("case sku");
        List<Object> onHandArgs = new ArrayList<>();
        List<Object> reservedArgs = new ArrayList<>();
        List<Object> safetyStockArgs = new ArrayList<>();
        List<Object> skus = new ArrayList<>();
        for (InventoryPosition[] change : changes) {
            InventoryPosition from = change[0];
            InventoryPosition to = change[1];
            String when = " when ? then cast(? as bigint)";
            onHand.append(when);
            reserved.append(when);
            safetyStock.append(when);
            onHandArgs.addAll(List.of(to.sku(), to.onHand() - from.onHand()));
            reservedArgs.addAll(List.of(to.sku(), to.reserved() - from.reserved()));
            safetyStockArgs.addAll(List.of(to.sku(), to.safetyStock() - from.safetyStock()));
            skus.add(to.sku());
        }
        List<Object> args = new ArrayList<>(onHandArgs);
        args.addAll(reservedArgs);
        args.addAll(safetyStockArgs);
        args.add(db.now());
        args.add(nodeId);
        args.addAll(skus);
        jdbc.update("update inventory_position set on_hand = on_hand + " + onHand + " end, reserved = reserved + " + reserved
                + " end, safety_stock = safety_stock + " + safetyStock + " end, version = version + 1, updated_at = ? "
                + "where node_id = ? and sku in (" + String.join(", ", Collections.nCopies(skus.size(), "?")) + ")",
                args.toArray());
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
