package io.maestro.app.kpi;

import io.maestro.app.kpi.KpiReport.Percentiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Order KPIs over a period, read from the orders, their shipments and their timelines: orders that came in during the
 * period and what became of them.
 */
@Service
@ConditionalOnWebApplication
public class OrderKpis {

    /** Statuses in which an order still has work ahead. */
    static final List<String> OPEN = List.of("RECEIVED", "ON_HOLD", "BACKORDERED", "ALLOCATED", "RELEASED",
            "PARTIALLY_SHIPPED", "READY_FOR_PICKUP");
    /** Shipments that leave (or left) a node: the others were refused or called off. */
    private static final String SHIPPING = "('PLANNED','RELEASED','ACCEPTED','DISPATCHED','DELAYED','DELIVERED')";
    private static final Pattern SLA_NODE = Pattern.compile("^SLA_TIMEOUT: (\\S+)");

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    public OrderKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public KpiReport of(KpiPeriod period) {
        OffsetDateTime to = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime from = to.minus(period.length()).truncatedTo(period.bucket());
        Timestamp since = Timestamp.from(from.toInstant());
        List<OffsetDateTime> buckets = new ArrayList<>();
        for (OffsetDateTime b = from; !b.isAfter(to); b = b.plus(1, period.bucket())) {
            buckets.add(b);
        }
        Map<String, List<Long>> byChannel = new TreeMap<>();
        long[] orders = {0};
        jdbc.query("select channel, created_at from orders where created_at >= ?", rs -> {
            OffsetDateTime at = rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC);
            int index = (int) period.bucket().between(from, at);
            List<Long> counts = byChannel.computeIfAbsent(rs.getString(1),
                    c -> new ArrayList<>(java.util.Collections.nCopies(buckets.size(), 0L)));
            if (index >= 0 && index < counts.size()) {
                counts.set(index, counts.get(index) + 1);
            }
            orders[0]++;
        }, since);
        OrderSet taken = new OrderSet("o.created_at >= ?", since);
        return new KpiReport(period, from, to, buckets, byChannel, orders[0], untilStatus("ALLOCATED", taken),
                untilStatus("DELIVERED", taken), splitRate(taken), fillRate(taken), perOrder("cost", taken),
                perOrder("co2_kg", taken), slaBreaches(since), backlog());
    }

    /**
     * The KPIs of the orders taken since {@code since} that a decision recorded by {@code actor} (e.g.
     * {@code dmn:order-screening:v3}) decided: one side of a rollout.
     */
    public SliceKpis decidedBy(String actor, OffsetDateTime since) {
        OrderSet decided = new OrderSet("o.created_at >= ? and exists (select 1 from order_event d where d.order_id = o.id "
                + "and d.type = 'DECISION' and d.actor = ?)", Timestamp.from(since.toInstant()), actor);
        Long orders = jdbc.queryForObject("select count(*) from orders o where " + decided.where(), Long.class,
                decided.args());
        return new SliceKpis(orders == null ? 0 : orders, untilStatus("ALLOCATED", decided),
                untilStatus("DELIVERED", decided), splitRate(decided), fillRate(decided), perOrder("cost", decided),
                perOrder("co2_kg", decided));
    }

    /** Which orders a KPI counts: a condition on {@code orders o} and its arguments. */
    private record OrderSet(String where, Object... args) {

        Object[] with(Object first) {
            Object[] all = new Object[args.length + 1];
            all[0] = first;
            System.arraycopy(args, 0, all, 1, args.length);
            return all;
        }
    }

    /** Seconds from intake to the first time the order reached {@code status}, for the orders counted. */
    private Percentiles untilStatus(String status, OrderSet set) {
        List<Long> seconds = jdbc.query("select o.created_at, min(e.occurred_at) from orders o "
                + "join order_event e on e.order_id = o.id and e.status = ? where " + set.where()
                + " group by o.id, o.created_at", (rs, i) -> Math.max(0, java.time.Duration.between(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toSeconds()), set.with(status));
        return Percentiles.of(seconds);
    }

    /** Of the orders with a shipment, the share that ships from more than one node or in more than one parcel. */
    private Double splitRate(OrderSet set) {
        List<Long> parcels = jdbc.queryForList("select count(*) from shipment s join orders o on o.id = s.order_id "
                + "where " + set.where() + " and s.status in " + SHIPPING + " group by s.order_id", Long.class, set.args());
        if (parcels.isEmpty()) {
            return null;
        }
        return parcels.stream().filter(n -> n > 1).count() / (double) parcels.size();
    }

    /** Units planned or shipped in parcels over units ordered, for the orders counted. */
    private Double fillRate(OrderSet set) {
        Long ordered = jdbc.queryForObject("select sum(l.quantity) from order_line l join orders o on o.id = l.order_id "
                + "where " + set.where(), Long.class, set.args());
        if (ordered == null || ordered == 0) {
            return null;
        }
        Long filled = jdbc.queryForObject("select sum(sl.quantity) from shipment_line sl join shipment s "
                + "on s.id = sl.shipment_id join orders o on o.id = s.order_id where " + set.where() + " and s.status in "
                + SHIPPING, Long.class, set.args());
        return Math.min(1.0, (filled == null ? 0 : filled) / (double) ordered);
    }

    /** The average over orders with a shipment of the sum of a shipment column. */
    private BigDecimal perOrder(String column, OrderSet set) {
        Map<String, Object> row = jdbc.queryForMap("select sum(s." + column + ") as total, count(distinct s.order_id) as n "
                + "from shipment s join orders o on o.id = s.order_id where " + set.where() + " and s.status in " + SHIPPING,
                set.args());
        Number n = (Number) row.get("n");
        Object total = row.get("total");
        if (n == null || n.longValue() == 0 || total == null) {
            return null;
        }
        return new BigDecimal(total.toString()).divide(BigDecimal.valueOf(n.longValue()), 3, RoundingMode.HALF_UP);
    }

    /** Shipments a node did not accept within its SLA, per node (from the timeline's rejections). */
    private Map<String, Long> slaBreaches(Timestamp since) {
        Map<String, Long> byNode = new TreeMap<>();
        jdbc.query("select reason from order_event where type = 'SHIPMENT_REJECTED' and reason like 'SLA_TIMEOUT%' "
                + "and occurred_at >= ?", rs -> {
                    Matcher m = SLA_NODE.matcher(rs.getString(1));
                    byNode.merge(m.find() ? m.group(1) : "?", 1L, Long::sum);
                }, since);
        return byNode;
    }

    /** Orders with work ahead now, per status. */
    private Map<String, Long> backlog() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select status, count(*) from orders where status in ('" + String.join("','", OPEN)
                + "') group by status", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> ordered = new LinkedHashMap<>();
        OPEN.forEach(s -> ordered.put(s, counts.getOrDefault(s, 0L)));
        return ordered;
    }
}
