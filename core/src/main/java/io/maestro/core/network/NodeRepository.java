package io.maestro.core.network;

import io.maestro.core.db.Database;
import io.maestro.core.geo.Address;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class NodeRepository {

    private static final String COLUMNS = "id, name, type, line1, city, region, postal_code, country, latitude, longitude, "
            + "capabilities, daily_capacity, cutoff_time, time_zone, handling_cost_per_shipment, handling_cost_per_unit, status";

    private final Database db;
    private final JdbcTemplate jdbc;

    public NodeRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    public Optional<Node> find(String id) {
        return jdbc.query("select " + COLUMNS + " from node where id = ?", NodeRepository::map, id).stream().findFirst();
    }

    public List<Node> findAll() {
        return jdbc.query("select " + COLUMNS + " from node order by id", NodeRepository::map);
    }

    public boolean exists(String id) {
        Integer count = jdbc.queryForObject("select count(*) from node where id = ?", Integer.class, id);
        return count != null && count > 0;
    }

    /** Inserts or updates; true when the node is new. */
    public boolean save(Node node) {
        Address a = node.address();
        Object[] values = {node.name(), node.type().name(), a.line1(), a.city(), a.region(), a.postalCode(), a.country(),
                node.latitude(), node.longitude(), joinCapabilities(node.capabilities()), node.dailyCapacity(),
                node.cutoffTime(), node.timeZone(), node.handlingCostPerShipment(), node.handlingCostPerUnit(),
                node.status().name()};
        int updated = jdbc.update("update node set name = ?, type = ?, line1 = ?, city = ?, region = ?, postal_code = ?, "
                + "country = ?, latitude = ?, longitude = ?, capabilities = ?, daily_capacity = ?, cutoff_time = ?, "
                + "time_zone = ?, handling_cost_per_shipment = ?, handling_cost_per_unit = ?, status = ? where id = ?",
                append(values, node.id()));
        if (updated == 1) {
            return false;
        }
        Object[] insert = new Object[values.length + 2];
        insert[0] = node.id();
        System.arraycopy(values, 0, insert, 1, values.length);
        insert[insert.length - 1] = db.now();
        jdbc.update("insert into node (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                insert);
        return true;
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static String joinCapabilities(Set<Capability> capabilities) {
        return capabilities.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Node map(ResultSet rs, int row) throws SQLException {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String c : rs.getString("capabilities").split(",")) {
            if (!c.isBlank()) {
                capabilities.add(Capability.valueOf(c));
            }
        }
        return new Node(
                rs.getString("id"),
                rs.getString("name"),
                NodeType.valueOf(rs.getString("type")),
                new Address(null, rs.getString("line1"), null, rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country")),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                capabilities,
                rs.getInt("daily_capacity"),
                rs.getObject("cutoff_time", LocalTime.class),
                rs.getString("time_zone"),
                rs.getBigDecimal("handling_cost_per_shipment"),
                rs.getBigDecimal("handling_cost_per_unit"),
                NodeStatus.valueOf(rs.getString("status")));
    }
}
