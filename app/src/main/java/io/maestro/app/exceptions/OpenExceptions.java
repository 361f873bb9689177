package io.maestro.app.exceptions;

import io.maestro.app.exceptions.OrderException.Kind;
import io.maestro.core.order.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Every order that needs a person or has stopped moving, oldest first: open user tasks, incidents, jobs and external
 * tasks that failed and are being retried, partner events that failed, open dead letters that name an order, queued
 * commands refused in the end (while the order is not finished), lines
 * waiting for stock, orders held by an operator, and orders without a status change for longer than
 * {@code maestro.exceptions.stalled-after} in a status that is not final (unless an entry that asks for action
 * already explains them). Read from the engine's runtime tables and the domain's in one query that filters, orders
 * and pages in the database; only dead letters, whose order id is inside their payload, are matched here.
 */
@Service
@ConditionalOnWebApplication
public class OpenExceptions {

    /** Statuses in which an order has nothing more to do. */
    public static final Set<String> FINAL = Set.of("DELIVERED", "PICKED_UP", "CANCELLED", "PARTIALLY_RETURNED", "RETURNED");

    private static final String STOCK_MESSAGE = "InventoryAvailable";
    private static final String HOLD_MESSAGE = "OrderHoldReleased";
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]{1,40})\"");
    private static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
    private static final String NO_TEXT = "cast(null as varchar(4000))";
    private static final String NO_TIME = "cast(null as timestamp)";
    /** More retries left than a finite cycle (R3, R5, ...) ever has: the cycle is open-ended (R/...). */
    private static final long OPEN_ENDED = 1_000_000;

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
        List<Object> parameters = new ArrayList<>();
        String union = union(kind, parameters);
        List<OrderException> page = new ArrayList<>();
        long total = 0;
        if (union != null) {
            total = jdbc.queryForObject("select count(*) from (" + union + ") u", Long.class, parameters.toArray());
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(offset + limit);
            page.addAll(jdbc.query("select u.*, o.status from (" + union + ") u left join orders o on o.id = u.order_id "
                    + "order by u.since, u.order_id, u.kind limit ?", this::entry, paged.toArray()));
        }
        if (kind == null || kind == Kind.DEAD_LETTER) {
            List<OrderException> letters = deadLetters();
            total += letters.size();
            page.addAll(letters);
        }
        return new Listing(page.stream()
                .sorted(Comparator.comparing(OrderException::since).thenComparing(OrderException::orderId)
                        .thenComparing(OrderException::kind))
                .skip(offset).limit(limit).map(this::withStep).toList(), total);
    }

    /**
     * The query of every kind but dead letters (or of the one asked for), as rows of order_id, kind, since, step_id,
     * def_id, ref, t1..t4 (the parts of the reason), next_at; null when the kind asked for is not in it.
     */
    private String union(Kind kind, List<Object> parameters) {
        List<String> parts = new ArrayList<>();
        if (kind == null || kind == Kind.USER_TASK) {
            parts.add(row("p.business_key_", Kind.USER_TASK, "t.create_time_", "t.task_def_key_", "t.proc_def_id_", "t.id_",
                    "t.name_", "t.assignee_", NO_TEXT, NO_TEXT, NO_TIME)
                    + "from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ where p.business_key_ is not null");
        }
        if (kind == null || kind == Kind.INCIDENT) {
            parts.add(row("p.business_key_", Kind.INCIDENT, "i.incident_timestamp_", "i.activity_id_", "i.proc_def_id_",
                    "i.id_", "i.incident_type_", "i.incident_msg_", NO_TEXT, NO_TEXT, NO_TIME)
                    + "from act_ru_incident i join act_ru_execution p on p.id_ = i.proc_inst_id_ "
                    + "where p.business_key_ is not null");
        }
        if (kind == null || kind == Kind.RETRYING) {
            parts.add(row("p.business_key_", Kind.RETRYING, "coalesce(j.create_time_, j.duedate_)", "j.failed_act_id_",
                    "j.process_def_id_", "j.id_", "j.exception_msg_", "cast(j.retries_ as varchar(12))", NO_TEXT, NO_TEXT,
                    "j.duedate_")
                    + "from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_ "
                    + "where p.business_key_ is not null and j.exception_msg_ is not null and j.retries_ > 0");
            parts.add(row("p.business_key_", Kind.RETRYING, "x.create_time_", "x.act_id_", "x.proc_def_id_", "x.id_",
                    "x.error_msg_", "cast(x.retries_ as varchar(12))", "x.topic_name_", NO_TEXT, "x.lock_exp_time_")
                    + "from act_ru_ext_task x join act_ru_execution p on p.id_ = x.proc_inst_id_ "
                    + "where p.business_key_ is not null and x.error_msg_ is not null and x.retries_ > 0");
        }
        if (kind == null || kind == Kind.PARTNER_EVENT_FAILED) {
            parts.add(row("e.order_id", Kind.PARTNER_EVENT_FAILED, "cast(e.received_at as timestamp)", NO_TEXT, NO_TEXT,
                    "cast(e.id as varchar(20))", "e.type", "e.source", "e.shipment_id", "e.last_error", NO_TIME)
                    + "from partner_event e where e.status = 'FAILED'");
        }
        if (kind == null || kind == Kind.COMMAND_REFUSED) {
            List<String> done = List.copyOf(FINAL);
            parameters.addAll(done);
            parts.add(row("c.order_id", Kind.COMMAND_REFUSED, "cast(c.decided_at as timestamp)", NO_TEXT, NO_TEXT,
                    "c.command_id", "c.type", "c.actor", "c.reason", NO_TEXT, "cast(c.queued_at as timestamp)")
                    + "from order_command c join orders q on q.id = c.order_id where c.status = 'REFUSED' "
                    + "and c.queued_at is not null and q.status not in ("
                    + done.stream().map(d -> "?").collect(Collectors.joining(", ")) + ")");
        }
        if (kind == null || kind == Kind.WAITING_FOR_STOCK) {
            parts.add(waiting(Kind.WAITING_FOR_STOCK, STOCK_MESSAGE, parameters));
        }
        if (kind == null || kind == Kind.HELD) {
            parts.add(waiting(Kind.HELD, HOLD_MESSAGE, parameters));
        }
        if (kind == null || kind == Kind.STALLED) {
            parts.add(stalled(parameters));
        }
        return parts.isEmpty() ? null : String.join(" union all ", parts);
    }

    /** The select list every part of the union shares. */
    private static String row(String orderId, Kind kind, String since, String stepId, String definitionId, String ref,
                              String t1, String t2, String t3, String t4, String nextAt) {
        return "select " + orderId + " as order_id, '" + kind.name() + "' as kind, " + since + " as since, " + stepId
                + " as step_id, " + definitionId + " as def_id, " + ref + " as ref, " + t1 + " as t1, " + t2 + " as t2, "
                + t3 + " as t3, " + t4 + " as t4, " + nextAt + " as next_at ";
    }

    /** Processes of an order that wait for a message (stock, a release), since the wait began. */
    private static String waiting(Kind kind, String message, List<Object> parameters) {
        parameters.add(message);
        return row("p.business_key_", kind, "s.created_", "s.activity_id_", "p.proc_def_id_", NO_TEXT, NO_TEXT, NO_TEXT,
                NO_TEXT, NO_TEXT, NO_TIME)
                + "from act_ru_event_subscr s join act_ru_execution p on p.id_ = s.proc_inst_id_ "
                + "where p.business_key_ is not null and s.event_type_ = 'message' and s.event_name_ = ?";
    }

    /**
     * Orders in a status that is not final without a change since {@code stalledAfter} that no entry asking for an
     * action explains (a task, an incident, a retried failure, a failed partner event, a dead letter); waiting for
     * stock or a release does not explain a stall: it is expected for a while, not for ever.
     */
    private String stalled(List<Object> parameters) {
        List<String> open = Arrays.stream(OrderStatus.values()).map(Enum::name).filter(s -> !FINAL.contains(s)).toList();
        parameters.addAll(open);
        parameters.add(OffsetDateTime.now(ZoneOffset.UTC).minus(stalledAfter));
        String byOrder = "join act_ru_execution p on p.id_ = %s where p.business_key_ = o.id";
        return row("o.id", Kind.STALLED, "cast(o.updated_at as timestamp)", NO_TEXT, NO_TEXT, NO_TEXT, "o.status", NO_TEXT,
                NO_TEXT, NO_TEXT, NO_TIME) + "from orders o "
                + "where o.status in (" + open.stream().map(s -> "?").collect(Collectors.joining(", ")) + ") "
                + "and o.updated_at < ? "
                + "and not exists (select 1 from act_ru_task t " + byOrder.formatted("t.proc_inst_id_") + ") "
                + "and not exists (select 1 from act_ru_incident i " + byOrder.formatted("i.proc_inst_id_") + ") "
                + "and not exists (select 1 from act_ru_job j " + byOrder.formatted("j.process_instance_id_")
                + " and j.exception_msg_ is not null and j.retries_ > 0) "
                + "and not exists (select 1 from act_ru_ext_task x " + byOrder.formatted("x.proc_inst_id_")
                + " and x.error_msg_ is not null and x.retries_ > 0) "
                + "and not exists (select 1 from partner_event e where e.order_id = o.id and e.status = 'FAILED') "
                + "and not exists (select 1 from dead_letter d where d.status = 'OPEN' and d.payload like '%\"orderId\"%' "
                + "and d.payload like '%\"' || o.id || '\"%')";
    }

    private OrderException entry(ResultSet rs, int row) throws SQLException {
        String orderId = rs.getString("order_id");
        Kind kind = Kind.valueOf(rs.getString("kind"));
        OffsetDateTime since = time(rs, "since");
        String stepId = rs.getString("step_id");
        String stepName = activityName(rs.getString("def_id"), stepId);
        String ref = rs.getString("ref");
        String t1 = rs.getString("t1");
        String t2 = rs.getString("t2");
        String t3 = rs.getString("t3");
        String status = rs.getString("status");
        return switch (kind) {
            case USER_TASK -> new OrderException(orderId, status, kind, "Waiting for a person: " + t1
                    + (t2 == null ? " (not claimed)" : " (claimed by " + t2 + ")"), stepId, stepName, since, ref,
                    TASKLIST + ref, null, null, null, null, null);
            case INCIDENT -> new OrderException(orderId, status, kind, "Incident (" + t1 + "): "
                    + (t2 == null ? "no message" : t2), stepId, stepName, since, null, null, ref, null, null, null, null);
            case RETRYING -> new OrderException(orderId, status, kind, "Failed and retried"
                    + (t3 == null ? "" : " (external task " + t3 + ")") + ", " + attemptsLeft(t2)
                    + nextAttempt(time(rs, "next_at")) + ": " + t1, stepId, stepName, since, null, null, null, null, null,
                    ref, null);
            case PARTNER_EVENT_FAILED -> new OrderException(orderId, status, kind, t1 + " from " + t2
                    + (t3 == null ? "" : " for " + t3) + " never reached the order's process: "
                    + (rs.getString("t4") == null ? "no error recorded" : rs.getString("t4")), null, null, since, null,
                    null, null, Long.valueOf(ref), null, null, null);
            case COMMAND_REFUSED -> new OrderException(orderId, status, kind, t1 + " by " + t2 + " was answered 202 and queued "
                    + "at " + time(rs, "next_at") + " (the order's process was busy), then refused when applied: " + t3
                    + "; tell its sender", null, null, since, null, null, null, null, null, null, ref);
            case WAITING_FOR_STOCK -> new OrderException(orderId, status, kind, "Waiting for stock since " + since
                    + ": retried when stock arrives or the backorder retry time is reached", stepId, stepName, since,
                    null, null, null, null, null, null, null);
            case HELD -> new OrderException(orderId, status, kind, "Held since " + since
                    + ": waits for POST /api/orders/" + orderId + "/release", stepId, stepName, since, null, null, null,
                    null, null, null, null);
            case STALLED -> new OrderException(orderId, status, kind, "No change for more than " + stalledAfter
                    + " in status " + t1, null, null, since, null, null, null, null, null, null, null);
            case DEAD_LETTER -> throw new IllegalStateException("dead letters are matched outside the query");
        };
    }

    /**
     * A step with an open-ended retry cycle ({@code R/PT1M}: a cancel's withdrawal from a node that is unreachable)
     * is tried until the partner answers; its count of attempts left means nothing to a person.
     */
    private static String attemptsLeft(String retries) {
        return Long.parseLong(retries) > OPEN_ENDED ? "tried again until the partner answers"
                : retries + " attempt(s) left";
    }

    private static String nextAttempt(OffsetDateTime at) {
        return at == null ? "" : ", next attempt at " + at;
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
                                time(rs, "received_at"), null, null, null, null, rs.getLong(1)));
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

    /** Camunda writes local timestamps, the domain tables timestamps with time zone: both as one instant. */
    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant().atOffset(ZoneOffset.UTC);
        }
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
