package io.maestro.app.metrics;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.core.order.OrderStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@link OperationsFigures} from the domain's tables and the process engine, in one pass. */
@Component
@ConditionalOnWebApplication
public class OperationsQueries {

    /** Orders not shipped yet: what the network still has to fulfil. */
    static final List<String> BACKLOG = List.of(OrderStatus.RECEIVED.name(), OrderStatus.ON_HOLD.name(),
            OrderStatus.BACKORDERED.name(), OrderStatus.ALLOCATED.name(), OrderStatus.RELEASED.name(),
            OrderStatus.PARTIALLY_SHIPPED.name());

    /** Shipments that will not leave: rerouted elsewhere or cancelled. */
    private static final String LEAVING = "s.status not in ('REJECTED', 'CANCELLED')";
    /** RecordRejection's reason for a node that let its acceptance SLA pass: "SLA_TIMEOUT: NODE did not answer…". */
    private static final Pattern SLA_TIMEOUT = Pattern.compile("SLA_TIMEOUT: (\\S+) did not answer");

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MetricsProperties properties;
    private final Duration stalledAfter;
    private final Clock clock;

    public OperationsQueries(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, TaskService tasks,
                             MetricsProperties properties,
                             @Value("${maestro.exceptions.stalled-after:P2D}")
                             Duration stalledAfter) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.properties = properties;
        this.stalledAfter = stalledAfter;
        this.clock = Clock.systemUTC();
    }

    public OperationsFigures read() {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(properties.window()));
        Map<String, Long> byStatus = new TreeMap<>();
        Arrays.stream(OrderStatus.values()).forEach(s -> byStatus.put(s.name(), 0L));
        jdbc.query("select status, count(*) from orders group by status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, Long> byChannel = new TreeMap<>();
        jdbc.query("select channel, count(*) from orders group by channel", rs -> {
            byChannel.put(rs.getString(1), rs.getLong(2));
        });
        long backlog = BACKLOG.stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
        long stuck = stuckOrders();

        // Per order of the window: shipments that will leave, their cost and CO2e, units on them and units ordered.
        List<double[]> perOrder = jdbc.query("select o.id, "
                + "(select count(*) from shipment s where s.order_id = o.id and " + LEAVING + "), "
                + "(select coalesce(sum(s.cost), 0) from shipment s where s.order_id = o.id and " + LEAVING + "), "
                + "(select coalesce(sum(s.co2_kg), 0) from shipment s where s.order_id = o.id and " + LEAVING + "), "
                + "(select coalesce(sum(l.quantity), 0) from shipment s join shipment_line l on l.shipment_id = s.id "
                + "where s.order_id = o.id and " + LEAVING + "), "
                + "(select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id) "
                + "from orders o where o.created_at >= ? and o.status not in ('RECEIVED', 'ON_HOLD', 'CANCELLED')",
                (rs, i) -> new double[] {rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6)},
                since);
        List<double[]> shipped = perOrder.stream().filter(o -> o[0] > 0).toList();
        double splitRate = shipped.isEmpty() ? Double.NaN
                : shipped.stream().filter(o -> o[0] > 1).count() / (double) shipped.size();
        double ordered = perOrder.stream().mapToDouble(o -> o[4]).sum();
        double fillRate = ordered == 0 ? Double.NaN
                : Math.min(1.0, perOrder.stream().mapToDouble(o -> o[3]).sum() / ordered);
        double cost = shipped.stream().mapToDouble(o -> o[1]).average().orElse(Double.NaN);
        double co2 = shipped.stream().mapToDouble(o -> o[2]).average().orElse(Double.NaN);

        Map<String, Long> slaBreaches = new TreeMap<>();
        jdbc.queryForList("select id from node", String.class).forEach(node -> slaBreaches.put(node, 0L));
        slaBreaches.putAll(slaBreachesByNode(Instant.EPOCH));

        return new OperationsFigures(byChannel, byStatus, backlog, stuck, splitRate, fillRate, cost, co2, slaBreaches,
                count("select count(*) from partner_event where status = 'PENDING'"),
                count("select count(*) from partner_event where status = 'FAILED'"),
                count("select count(*) from order_command where status = 'RECEIVED'"),
                count("select count(*) from notification where status = 'PENDING'"),
                count("select count(*) from notification where status = 'FAILED'"),
                count("select count(*) from dead_letter where status = 'OPEN'"),
                management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(),
                runtime.createIncidentQuery().count(),
                tasks.createTaskQuery().active().count());
    }

    /** Orders not in a final status whose status has not changed for {@code maestro.exceptions.stalled-after}. */
    public long stuckOrders() {
        return count("select count(*) from orders where status not in (" + quoted(OpenExceptions.FINAL)
                + ") and updated_at < ?", Timestamp.from(clock.instant().minus(stalledAfter)));
    }

    /** Per node: shipments withdrawn from it since then because it let its acceptance SLA pass. */
    public Map<String, Long> slaBreachesByNode(Instant since) {
        Map<String, Long> breaches = new HashMap<>();
        jdbc.query("select reason from order_event where type = 'SHIPMENT_REJECTED' and reason like 'SLA_TIMEOUT:%' "
                + "and occurred_at >= ?", rs -> {
                    Matcher node = SLA_TIMEOUT.matcher(rs.getString(1));
                    if (node.find()) {
                        breaches.merge(node.group(1), 1L, Long::sum);
                    }
                }, Timestamp.from(since));
        return breaches;
    }

    /** Dead letters received since then that are still open. */
    public long deadLettersOpenSince(Instant since) {
        return count("select count(*) from dead_letter where status = 'OPEN' and received_at >= ?", Timestamp.from(since));
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private static String quoted(Collection<String> values) {
        return values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
