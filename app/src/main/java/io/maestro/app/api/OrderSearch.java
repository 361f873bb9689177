package io.maestro.app.api;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders matching the console's filters, newest first ({@code GET /api/orders/search}). The search text matches an order id, a
 * channel's order id, a customer's e-mail (case-insensitive) or a parcel's tracking number exactly.
 */
@Component
@ConditionalOnWebApplication
public class OrderSearch {

    /** What the list shows of an order. */
    public record Row(String orderId, String channel, String channelOrderId, String customerEmail, String status,
                      BigDecimal total, OffsetDateTime createdAt) {
    }

    /**
     * Filters; nulls and blanks mean any. {@code olderThanHours}: taken in at least that long ago;
     * {@code orderIds}: only these (the orders that need attention), when not null.
     */
    public record Criteria(String text, String status, String channel, Integer olderThanHours, String nodeId,
                           Set<String> orderIds) {
    }

    private final JdbcTemplate jdbc;

    public OrderSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> find(Criteria c, int limit) {
        StringBuilder sql = new StringBuilder("select o.id, o.channel, o.channel_order_id, o.customer_email, o.status, "
                + "o.order_total, o.created_at from orders o where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (present(c.text())) {
            String text = c.text().trim();
            sql.append(" and (o.id = ? or o.channel_order_id = ? or lower(o.customer_email) = ? "
                    + "or exists (select 1 from shipment t where t.order_id = o.id and t.tracking_number = ?))");
            args.addAll(List.of(text, text, text.toLowerCase(Locale.ROOT), text));
        }
        if (present(c.status())) {
            sql.append(" and o.status = ?");
            args.add(c.status());
        }
        if (present(c.channel())) {
            sql.append(" and o.channel = ?");
            args.add(c.channel().toUpperCase(Locale.ROOT));
        }
        if (c.olderThanHours() != null) {
            sql.append(" and o.created_at <= ?");
            args.add(Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofHours(c.olderThanHours()))
                    .toInstant()));
        }
        if (present(c.nodeId())) {
            sql.append(" and exists (select 1 from shipment n where n.order_id = o.id and n.node_id = ?)");
            args.add(c.nodeId());
        }
        if (c.orderIds() != null) {
            if (c.orderIds().isEmpty()) {
                return List.of();
            }
            sql.append(" and o.id in (").append(String.join(",", c.orderIds().stream().map(id -> "?").toList())).append(")");
            args.addAll(c.orderIds());
        }
        sql.append(" order by o.created_at desc, o.id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getTimestamp(7).toInstant().atOffset(ZoneOffset.UTC)), args.toArray());
    }

    /** The channels orders came from, for the filter. */
    public List<String> channels() {
        return jdbc.queryForList("select distinct channel from orders order by channel", String.class);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
