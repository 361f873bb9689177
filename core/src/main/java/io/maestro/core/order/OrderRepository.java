package io.maestro.core.order;

import io.maestro.core.db.Database;
import io.maestro.core.geo.Address;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private final Database db;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public OrderRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    String nextOrderId() {
        return "ORD-" + db.nextValue("order_number_seq");
    }

    Optional<String> findIdByChannelOrder(String channel, String channelOrderId) {
        return jdbc.queryForList("select id from orders where channel = ? and channel_order_id = ?", String.class,
                channel, channelOrderId).stream().findFirst();
    }

    /** Inserts the order header with the hash of its content unless the channel order exists already; true when inserted. */
    boolean insertIfAbsent(Order o, String contentHash) {
        Address a = o.shipTo() == null ? new Address(null, null, null, null, null, null, null) : o.shipTo();
        return db.insertIfAbsent("insert into orders (id, channel, channel_order_id, customer_id, customer_tier, customer_email, "
                + "ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_region, ship_to_postal, ship_to_country, "
                + "latitude, longitude, delivery_option, pickup_node_id, preference, ship_complete, status, order_total, "
                + "created_at, updated_at, content_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)",
                o.orderId(), o.channel(), o.channelOrderId(), o.customer().id(), o.customer().tier().name(),
                o.customer().email(), a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(),
                o.latitude(), o.longitude(), o.deliveryOption().name(), o.pickupNodeId(), o.preference().name(),
                o.shipComplete(), o.status().name(), o.orderTotal(), o.createdAt(), o.updatedAt(), contentHash);
    }

    /** The hash of what the channel sent (empty for orders taken before V7). */
    Optional<String> contentHashOf(String orderId) {
        return jdbc.queryForList("select content_hash from orders where id = ?", String.class, orderId).stream()
                .filter(Objects::nonNull).findFirst();
    }

    void insertLines(String orderId, List<OrderLine> lines) {
        jdbc.batchUpdate("insert into order_line (order_id, line_no, sku, quantity, unit_price) values (?, ?, ?, ?, ?)",
                lines.stream().map(l -> new Object[] {orderId, l.lineNo(), l.sku(), l.quantity(), l.unitPrice()}).toList());
    }

    Optional<OrderStatus> status(String orderId) {
        return jdbc.queryForList("select status from orders where id = ?", String.class, orderId).stream()
                .findFirst().map(OrderStatus::valueOf);
    }

    /** Moves the order from {@code from} to {@code to} only if it still is in {@code from}; true when it moved. */
    boolean updateStatus(String orderId, OrderStatus from, OrderStatus to) {
        return jdbc.update("update orders set status = ?, updated_at = ? where id = ? and status = ?", to.name(), db.now(),
                orderId, from.name()) == 1;
    }

    boolean updatePickupNode(String orderId, String pickupNodeId) {
        return jdbc.update("update orders set pickup_node_id = ?, updated_at = ? where id = ?", pickupNodeId, db.now(),
                orderId) == 1;
    }

    Optional<ShipmentStatus> shipmentStatus(String orderId, String shipmentId) {
        return jdbc.queryForList("select status from shipment where id = ? and order_id = ?", String.class, shipmentId,
                orderId).stream().findFirst().map(ShipmentStatus::valueOf);
    }

    boolean lockOrder(String orderId) {
        return !jdbc.queryForList("select id from orders where id = ? for update", String.class, orderId).isEmpty();
    }

    Optional<ShipmentStatus> lockShipment(String orderId, String shipmentId) {
        return jdbc.queryForList("select status from shipment where id = ? and order_id = ? for update", String.class,
                shipmentId, orderId).stream().findFirst().map(ShipmentStatus::valueOf);
    }

    /** Moves the shipment from {@code from} to {@code to} only if it still is in {@code from}; true when it moved. */
    boolean updateShipmentStatus(String orderId, String shipmentId, ShipmentStatus from, ShipmentStatus to) {
        return jdbc.update("update shipment set status = ?, updated_at = ? where id = ? and order_id = ? and status = ?",
                to.name(), db.now(), shipmentId, orderId, from.name()) == 1;
    }

    boolean updatePromisedDate(String orderId, String shipmentId, LocalDate promisedDate) {
        return jdbc.update("update shipment set promised_date = ?, updated_at = ? where id = ? and order_id = ?",
                promisedDate, db.now(), shipmentId, orderId) == 1;
    }

    boolean updateShipTo(String orderId, Address a, double latitude, double longitude) {
        return jdbc.update("update orders set ship_to_name = ?, ship_to_line1 = ?, ship_to_line2 = ?, ship_to_city = ?, "
                        + "ship_to_region = ?, ship_to_postal = ?, ship_to_country = ?, latitude = ?, longitude = ?, "
                        + "updated_at = ? where id = ?", a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(),
                a.country(), latitude, longitude, db.now(), orderId) == 1;
    }

    boolean updateShipmentLabel(String orderId, String shipmentId, String carrier, String service, String trackingNumber,
                                java.math.BigDecimal co2Kg, java.time.LocalDate promisedDate, java.math.BigDecimal price) {
        return jdbc.update("update shipment set carrier = ?, service = ?, tracking_number = ?, co2_kg = coalesce(?, co2_kg), "
                        + "promised_date = coalesce(?, promised_date), label_cost = coalesce(?, label_cost), "
                        + "label_co2_kg = coalesce(?, label_co2_kg), updated_at = ? where id = ? and order_id = ?", carrier,
                service, trackingNumber, co2Kg, promisedDate, price, co2Kg, db.now(), shipmentId, orderId) == 1;
    }

    void saveEstimates(List<ShipmentEstimate> estimates) {
        jdbc.batchUpdate("update shipment set estimated_carrier = ?, estimated_service = ?, estimated_cost = ?, "
                + "estimated_co2_kg = ? where id = ?", estimates.stream().map(e -> new Object[] {e.carrier(), e.service(),
                e.cost(), e.co2Kg(), e.shipmentId()}).toList());
    }

    List<ShipmentCost> shipmentCosts(String orderId) {
        return jdbc.query("select id, estimated_carrier, estimated_service, estimated_cost, estimated_co2_kg, carrier, "
                + "service, label_cost, label_co2_kg from shipment where order_id = ? order by created_at, id",
                (rs, i) -> new ShipmentCost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(8) == null ? null : rs.getString(6),
                        rs.getBigDecimal(8) == null ? null : rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9)),
                orderId);
    }

    EstimateDrift estimateDrift() {
        return jdbc.queryForObject("select count(*), "
                + "sum(case when abs(label_cost - estimated_cost) <= 0.01 * estimated_cost then 1 else 0 end), "
                + "coalesce(sum(estimated_cost), 0), coalesce(sum(label_cost), 0), "
                + "coalesce(avg(abs(label_cost - estimated_cost) * 100.0 / estimated_cost), 0), "
                + "coalesce(max(abs(label_cost - estimated_cost) * 100.0 / estimated_cost), 0) "
                + "from shipment where estimated_cost > 0 and label_cost is not null",
                (rs, i) -> new EstimateDrift(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getDouble(5), rs.getDouble(6)));
    }

    /**
     * Stores a planned shipment: inserts it, or replaces the details and lines of one with its id that is still
     * PLANNED (a plan recorded again); true when stored, false when a shipment with that id has gone further.
     */
    boolean savePlannedShipment(String orderId, Shipment s) {
        int updated = jdbc.update("update shipment set node_id = ?, carrier = ?, service = ?, cost = ?, co2_kg = ?, "
                + "promised_date = ?, tracking_number = ?, updated_at = ? where id = ? and order_id = ? and status = ?",
                s.nodeId(), s.carrier(), s.service(), s.cost(), s.co2Kg(), s.promisedDate(), s.trackingNumber(), db.now(),
                s.shipmentId(), orderId, ShipmentStatus.PLANNED.name());
        if (updated == 1) {
            jdbc.update("delete from shipment_line where shipment_id = ?", s.shipmentId());
        } else if (!db.insertIfAbsent("insert into shipment (id, order_id, node_id, carrier, service, cost, co2_kg, "
                + "promised_date, status, tracking_number, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.shipmentId(), orderId, s.nodeId(), s.carrier(), s.service(), s.cost(), s.co2Kg(), s.promisedDate(),
                ShipmentStatus.PLANNED.name(), s.trackingNumber(), db.now(), db.now())) {
            return false;
        }
        jdbc.batchUpdate("insert into shipment_line (shipment_id, line_no, sku, quantity) values (?, ?, ?, ?)",
                s.lines().stream().map(l -> new Object[] {s.shipmentId(), l.lineNo(), l.sku(), l.quantity()}).toList());
        return true;
    }

    public Optional<Order> find(String orderId) {
        List<Order> headers = jdbc.query("select * from orders where id = ?", (rs, i) -> header(rs), orderId);
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        Order h = headers.get(0);
        List<OrderLine> lines = jdbc.query("select line_no, sku, quantity, unit_price from order_line where order_id = ? "
                + "order by line_no", (rs, i) -> new OrderLine(rs.getInt(1), rs.getString(2), rs.getInt(3),
                rs.getBigDecimal(4)), orderId);
        return Optional.of(with(h, lines, shipments(orderId)));
    }

    /** A page of order headers (lines and shipments left out), newest first. */
    public List<Order> list(OrderFilter filter, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        params.addValue("limit", limit).addValue("offset", offset);
        return named.query("select * from orders" + where + " order by created_at desc, id desc limit :limit offset :offset",
                params, (rs, i) -> header(rs));
    }

    public long count(OrderFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long n = named.queryForObject("select count(*) from orders" + where(filter, params), params, Long.class);
        return n == null ? 0 : n;
    }

    private static String where(OrderFilter f, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        if (f.status() != null) {
            clauses.add("status = :status");
            params.addValue("status", f.status().name());
        }
        if (f.channel() != null) {
            clauses.add("channel = :channel");
            params.addValue("channel", f.channel());
        }
        if (f.customerId() != null) {
            clauses.add("customer_id = :customerId");
            params.addValue("customerId", f.customerId());
        }
        if (f.createdFrom() != null) {
            clauses.add("created_at >= :createdFrom");
            params.addValue("createdFrom", f.createdFrom());
        }
        if (f.createdTo() != null) {
            clauses.add("created_at < :createdTo");
            params.addValue("createdTo", f.createdTo());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private List<Shipment> shipments(String orderId) {
        Map<String, List<ShipmentLine>> lines = new LinkedHashMap<>();
        jdbc.query("select l.shipment_id, l.line_no, l.sku, l.quantity from shipment_line l join shipment s "
                + "on s.id = l.shipment_id where s.order_id = ? order by l.shipment_id, l.line_no", rs -> {
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ShipmentLine(rs.getInt(2), rs.getString(3), rs.getInt(4)));
                }, orderId);
        return jdbc.query("select * from shipment where order_id = ? order by created_at, id", (rs, i) -> new Shipment(
                rs.getString("id"), rs.getString("node_id"), lines.getOrDefault(rs.getString("id"), List.of()),
                rs.getString("carrier"), rs.getString("service"), rs.getBigDecimal("cost"), rs.getBigDecimal("co2_kg"),
                rs.getObject("promised_date", LocalDate.class), ShipmentStatus.valueOf(rs.getString("status")),
                rs.getString("tracking_number")), orderId);
    }

    private static Order with(Order h, List<OrderLine> lines, List<Shipment> shipments) {
        return new Order(h.orderId(), h.channel(), h.channelOrderId(), h.customer(), h.shipTo(), h.latitude(), h.longitude(),
                h.deliveryOption(), h.pickupNodeId(), h.preference(), h.shipComplete(), h.status(), h.orderTotal(),
                h.createdAt(), h.updatedAt(), lines, shipments);
    }

    private static Order header(ResultSet rs) throws SQLException {
        Address shipTo = rs.getString("ship_to_postal") == null ? null : new Address(rs.getString("ship_to_name"),
                rs.getString("ship_to_line1"), rs.getString("ship_to_line2"), rs.getString("ship_to_city"),
                rs.getString("ship_to_region"), rs.getString("ship_to_postal"), rs.getString("ship_to_country"));
        return new Order(rs.getString("id"), rs.getString("channel"), rs.getString("channel_order_id"),
                new Customer(rs.getString("customer_id"), CustomerTier.valueOf(rs.getString("customer_tier")),
                        rs.getString("customer_email")),
                shipTo, rs.getDouble("latitude"), rs.getDouble("longitude"),
                DeliveryOption.valueOf(rs.getString("delivery_option")), rs.getString("pickup_node_id"),
                Preference.valueOf(rs.getString("preference")), rs.getBoolean("ship_complete"),
                OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("order_total"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                List.of(), List.of());
    }
}
