package io.maestro.app.exceptions;

import io.maestro.app.exceptions.OrderException.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every order that needs a person or has stopped moving, oldest first: open user tasks, incidents, partner events
 * that failed, open dead letters that name an order, and orders without a status change for longer than
 * {@code maestro.exceptions.stalled-after} in a status that is not final (unless another entry already explains
 * them). Read from the engine's runtime tables and the domain's, in one place.
 */
@Service
@ConditionalOnWebApplication
public class OpenExceptions {

    /** Statuses in which an order has nothing more to do. */
    public static final Set<String> FINAL = Set.of("DELIVERED", "PICKED_UP", "CANCELLED", "PARTIALLY_RETURNED", "RETURNED");

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]{1,40})\"");
    private static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final Duration stalledAfter;
    private final Map<String, String> activityNames = new ConcurrentHashMap<>();

    public OpenExceptions(JdbcTemplate jdbc, RepositoryService repository,
                          @Value("${maestro.exceptions.stalled-after:P2D}") Duration stalledAfter) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.stalledAfter = stalledAfter;
    }

    public record Listing(List<OrderException> items, long total) {
    }

    /** One page of every open exception (of one kind, when given), oldest first. */
    public Listing list(Kind kind, int offset, int limit) {
        List<OrderException> all = new ArrayList<>();
        all.addAll(userTasks());
        all.addAll(incidents());
        all.addAll(failedPartnerEvents());
        all.addAll(deadLetters());
        Set<String> explained = all.stream().map(OrderException::orderId).collect(Collectors.toSet());
        all.addAll(stalled(explained));
        List<OrderException> page = all.stream().filter(e -> kind == null || e.kind() == kind)
                .sorted(Comparator.comparing(OrderException::since).thenComparing(OrderException::orderId))
                .toList();
        long total = page.size();
        return new Listing(page.stream().skip(offset).limit(limit).map(this::withStep).toList(), total);
    }

    private List<OrderException> userTasks() {
        return jdbc.query("select p.business_key_, o.status, t.id_, t.name_, t.task_def_key_, t.create_time_, t.assignee_, "
                + "t.proc_def_id_ from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ "
                + "left join orders o on o.id = p.business_key_ where p.business_key_ is not null", (rs, i) -> {
                    String assignee = rs.getString(7);
                    String reason = "Waiting for a person: " + rs.getString(4)
                            + (assignee == null ? " (not claimed)" : " (claimed by " + assignee + ")");
                    // The step's name in the model; the task's name also carries the order's facts (TaskLabels).
                    return new OrderException(rs.getString(1), rs.getString(2), Kind.USER_TASK, reason, rs.getString(5),
                            activityName(rs.getString(8), rs.getString(5)), time(rs, 6), rs.getString(3),
                            TASKLIST + rs.getString(3), null, null, null);
                });
    }

    private List<OrderException> incidents() {
        return jdbc.query("select p.business_key_, o.status, i.id_, i.incident_type_, i.incident_msg_, i.activity_id_, "
                + "i.proc_def_id_, i.incident_timestamp_ from act_ru_incident i "
                + "join act_ru_execution p on p.id_ = i.proc_inst_id_ left join orders o on o.id = p.business_key_ "
                + "where p.business_key_ is not null", (rs, i) -> {
                    String activity = rs.getString(6);
                    String reason = "Incident (" + rs.getString(4) + "): " + (rs.getString(5) == null ? "no message"
                            : rs.getString(5));
                    return new OrderException(rs.getString(1), rs.getString(2), Kind.INCIDENT, reason, activity,
                            activityName(rs.getString(7), activity), time(rs, 8), null, null, rs.getString(3), null, null);
                });
    }

    private List<OrderException> failedPartnerEvents() {
        return jdbc.query("select e.order_id, o.status, e.id, e.source, e.type, e.shipment_id, e.last_error, e.received_at "
                + "from partner_event e left join orders o on o.id = e.order_id where e.status = 'FAILED'", (rs, i) -> {
                    String reason = rs.getString(5) + " from " + rs.getString(4)
                            + (rs.getString(6) == null ? "" : " for " + rs.getString(6)) + " never reached the order's "
                            + "process: " + (rs.getString(7) == null ? "no error recorded" : rs.getString(7));
                    return new OrderException(rs.getString(1), rs.getString(2), Kind.PARTNER_EVENT_FAILED, reason, null,
                            null, time(rs, 8), null, null, null, rs.getLong(3), null);
                });
    }

    /** Open dead letters whose payload names an order (a partner's message, a device event names none). */
    private List<OrderException> deadLetters() {
        List<OrderException> found = new ArrayList<>();
        jdbc.query("select id, source, reference, payload, reason, received_at from dead_letter where status = 'OPEN' "
                + "and payload like '%\"orderId\"%'", rs -> {
                    Matcher order = ORDER_ID.matcher(rs.getString(4));
                    if (order.find()) {
                        found.add(new OrderException(order.group(1), null, Kind.DEAD_LETTER, "Not taken from "
                                + rs.getString(2) + " (" + rs.getString(3) + "): " + rs.getString(5), null, null,
                                time(rs, 6), null, null, null, null, rs.getLong(1)));
                    }
                });
        if (found.isEmpty()) {
            return found;
        }
        Map<String, String> statuses = new HashMap<>();
        jdbc.query("select id, status from orders where id in (" + found.stream().map(e -> "?")
                .collect(Collectors.joining(", ")) + ")", rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                }, found.stream().map(OrderException::orderId).distinct().toArray());
        return found.stream().filter(e -> statuses.containsKey(e.orderId())).map(e -> new OrderException(e.orderId(),
                statuses.get(e.orderId()), e.kind(), e.reason(), null, null, e.since(), null, null, null, null,
                e.deadLetterId())).toList();
    }

    private List<OrderException> stalled(Set<String> explained) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(stalledAfter);
        List<String> done = List.copyOf(FINAL);
        return jdbc.query("select id, status, updated_at from orders where updated_at < ? and status not in ("
                + done.stream().map(s -> "?").collect(Collectors.joining(", ")) + ")", (rs, i) ->
                new OrderException(rs.getString(1), rs.getString(2), Kind.STALLED, "No change for more than "
                        + stalledAfter + " in status " + rs.getString(2), null, null, time(rs, 3), null, null, null,
                        null, null), parameters(before, done)).stream()
                .filter(e -> !explained.contains(e.orderId())).toList();
    }

    /** The step of an entry that names none: where the order's processes wait now (several for parallel shipments). */
    private OrderException withStep(OrderException e) {
        if (e.stepId() != null) {
            return e;
        }
        List<String[]> steps = jdbc.query("select distinct x.act_id_, x.proc_def_id_ from act_ru_execution x "
                + "join act_ru_execution p on p.id_ = x.proc_inst_id_ where p.business_key_ = ? and x.act_id_ is not null "
                + "and x.is_active_ = ? order by x.act_id_", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                e.orderId(), true);
        if (steps.isEmpty()) {
            return e.atStep(null, "no process running");
        }
        return e.atStep(steps.stream().map(s -> s[0]).distinct().collect(Collectors.joining(", ")),
                steps.stream().map(s -> activityName(s[1], s[0])).distinct().collect(Collectors.joining(", ")));
    }

    private String activityName(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return null;
        }
        return activityNames.computeIfAbsent(processDefinitionId + "#" + activityId, k -> {
            FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            return element == null || element.getName() == null ? activityId : element.getName();
        });
    }

    private static Object[] parameters(OffsetDateTime before, List<String> statuses) {
        List<Object> all = new ArrayList<>();
        all.add(before);
        all.addAll(statuses);
        return all.toArray();
    }

    /** Camunda writes local timestamps, the domain tables timestamps with time zone: both as one instant. */
    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
