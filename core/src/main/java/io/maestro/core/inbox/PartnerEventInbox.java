package io.maestro.core.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violations;
import io.maestro.core.db.Database;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every partner event until the order's process took it. Receiving stores the event in its own transaction
 * and nothing more, idempotent per (source, eventId); a partner's event naming a shipment that does not exist is
 * refused.
 * Processing happens afterwards: a processor {@link #claim claims} due events with a lease (with several
 * application nodes each pending event is claimed by one node at a time; a claim whose lease ran out, its node
 * gone, is taken over), and finishes each by {@link #markCorrelated} or {@link #markAttemptFailed}.
 */
@Component
public class PartnerEventInbox {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String COLUMNS = "id, source, event_id, type, order_id, shipment_id, payload, occurred_at, "
            + "status, attempts, received_at, next_attempt_at, last_error";

    private final Database db;
    private final ApplicationEventPublisher events;

    public PartnerEventInbox(Database db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /**
     * Stores an event from a partner (a webhook, its replay) as {@link #receive} does, and refuses one for a shipment
     * that does not exist (of its order), naming {@code shipmentId}.
     */
    @Transactional
    public boolean receiveFromPartner(PartnerEvent event) {
        validate(event);
        if (event.shipmentId() != null && db.jdbc().queryForObject("select count(*) from shipment where id = ? and order_id = ?",
                Integer.class, event.shipmentId(), event.orderId()) == 0) {
            throw new InvalidRequestException("shipmentId", "unknown shipment " + event.shipmentId() + " of order "
                    + event.orderId());
        }
        return receive(event);
    }

    /** Stores the event once; returns false (and changes nothing) when the same event came before. */
    @Transactional
    public boolean receive(PartnerEvent event) {
        validate(event);
        OffsetDateTime now = db.now();
        boolean stored = db.insertIfAbsent("insert into partner_event (source, event_id, type, order_id, shipment_id, "
                        + "payload, occurred_at, received_at, status, attempts, next_attempt_at) values (?,?,?,?,?,?,?,?,?,0,?)",
                event.source(), event.eventId(), event.type(), event.orderId(), event.shipmentId(), toJson(event.payload()),
                event.occurredAt() == null ? now : event.occurredAt(), now, PartnerEventStatus.PENDING.name(), now);
        if (stored) {
            long id = db.jdbc().queryForObject("select id from partner_event where source = ? and event_id = ?",
                    Long.class, event.source(), event.eventId());
            events.publishEvent(new PartnerEventReceived(id));
        }
        return stored;
    }

    public Optional<StoredPartnerEvent> find(long id) {
        return db.jdbc().query("select " + COLUMNS + " from partner_event where id = ?", ROW, id).stream().findFirst();
    }

    /** Pending events whose next attempt is due, oldest first. */
    public List<StoredPartnerEvent> due(int limit) {
        return db.jdbc().query("select " + COLUMNS + " from partner_event where status = ? and next_attempt_at <= ? "
                + "order by id fetch first " + limit + " rows only", ROW, PartnerEventStatus.PENDING.name(), db.now());
    }

    /**
     * Claims up to {@code limit} due pending events for {@code owner} until {@code lease} from now, oldest first, and
     * returns them: events no one holds, or whose holder's lease ran out. The candidates are picked with
     * {@code for update skip locked} (PostgreSQL, and H2 2.x), so nodes claiming at once take different events
     * without waiting for each other; PostgreSQL claims them in the same statement ({@code update … returning}), H2
     * with a conditional update each. Commits at once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<StoredPartnerEvent> claim(String owner, int limit, Duration lease) {
        OffsetDateTime now = db.now();
        if (db.isPostgres()) {
            return db.jdbc().query("update partner_event set claimed_by = ?, claimed_until = ? where id in (select id from "
                    + "partner_event where status = ? and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
                    + "order by id limit ? for update skip locked) returning " + COLUMNS, ROW, owner, now.plus(lease),
                    PartnerEventStatus.PENDING.name(), now, now, limit).stream()
                    .sorted(Comparator.comparingLong(StoredPartnerEvent::id)).toList();
        }
        List<Long> candidates = db.jdbc().queryForList("select id from partner_event where status = ? and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until < ?) order by id fetch first " + limit + " rows only "
                + "for update skip locked", Long.class, PartnerEventStatus.PENDING.name(), now, now);
        return candidates.stream().filter(id -> take(id, owner, now, lease)).map(this::find).flatMap(Optional::stream).toList();
    }

    /** Claims one pending event (due or not) for {@code owner}, unless another holds it; commits at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<StoredPartnerEvent> claim(long id, String owner, Duration lease) {
        return take(id, owner, db.now(), lease) ? find(id) : Optional.empty();
    }

    private boolean take(long id, String owner, OffsetDateTime now, Duration lease) {
        return db.jdbc().update("update partner_event set claimed_by = ?, claimed_until = ? where id = ? and status = ? "
                + "and (claimed_until is null or claimed_until < ?)", owner, now.plus(lease), id,
                PartnerEventStatus.PENDING.name(), now) == 1;
    }

    public List<StoredPartnerEvent> ofOrder(String orderId) {
        return db.jdbc().query("select " + COLUMNS + " from partner_event where order_id = ? order by id", ROW, orderId);
    }

    /**
     * The FAILED events of an order for the shipment and for the whole order (no shipment): those that found no
     * process waiting within their attempts, e.g. while the order's processes were far behind on a peak.
     */
    public List<StoredPartnerEvent> failedFor(String orderId, String shipmentId) {
        return db.jdbc().query("select " + COLUMNS + " from partner_event where status = ? and order_id = ? "
                + "and (shipment_id is null or shipment_id = ?) order by id", ROW, PartnerEventStatus.FAILED.name(),
                orderId, shipmentId);
    }

    public List<StoredPartnerEvent> withStatus(PartnerEventStatus status, int offset, int limit) {
        return db.jdbc().query("select " + COLUMNS + " from partner_event where status = ? order by id offset " + offset
                + " rows fetch first " + limit + " rows only", ROW, status.name());
    }

    /**
     * Marks a pending event taken by its process, in the transaction that handed it over; throws
     * {@link IllegalStateException} (rolling that transaction back) when it was no longer pending: another node
     * finished it first after this one's lease ran out, so nothing is done twice.
     */
    @Transactional
    public void markCorrelated(long id) {
        if (db.jdbc().update("update partner_event set status = ?, attempts = attempts + 1, last_error = null, claimed_by = null, "
                + "claimed_until = null where id = ? and status = ?", PartnerEventStatus.CORRELATED.name(), id,
                PartnerEventStatus.PENDING.name()) == 0) {
            throw new IllegalStateException("Partner event " + id + " was handed over by another node");
        }
    }

    /**
     * Records a failed delivery: tried again after {@code retryAfter}, or FAILED once {@code maxAttempts} are used.
     * Returns the status the event is left in.
     */
    @Transactional
    public PartnerEventStatus markAttemptFailed(long id, String error, Duration retryAfter, int maxAttempts) {
        db.jdbc().update("update partner_event set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "status = case when attempts + 1 >= ? then ? else status end, claimed_by = null, claimed_until = null "
                        + "where id = ? and status = ?",
                truncate(error), db.now().plus(retryAfter), maxAttempts, PartnerEventStatus.FAILED.name(), id,
                PartnerEventStatus.PENDING.name());
        return find(id).map(StoredPartnerEvent::status).orElseThrow();
    }

    /** Puts a FAILED event back in line (an operator fixed what stopped it). */
    @Transactional
    public boolean retry(long id) {
        return db.jdbc().update("update partner_event set status = ?, attempts = 0, next_attempt_at = ?, claimed_by = null, "
                + "claimed_until = null where id = ? "
                + "and status = ?", PartnerEventStatus.PENDING.name(), db.now(), id, PartnerEventStatus.FAILED.name()) == 1;
    }

    private static void validate(PartnerEvent e) {
        Violations v = new Violations();
        v.requireText(e.source(), "source", 40);
        v.requireText(e.eventId(), "eventId", 120);
        v.requireText(e.type(), "type", 40);
        v.requireText(e.orderId(), "orderId", 40);
        v.require(e.shipmentId() == null || e.shipmentId().length() <= 60, "shipmentId", "must be at most 60 characters");
        v.throwIfAny();
    }

    private static String toJson(Map<String, Object> payload) {
        try {
            String json = JSON.writeValueAsString(payload);
            if (json.length() > 8000) {
                throw new InvalidRequestException("payload", "must be at most 8000 characters of JSON");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("payload", "is not serialisable: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> fromJson(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored partner event payload is not JSON", e);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static final RowMapper<StoredPartnerEvent> ROW = (rs, i) -> new StoredPartnerEvent(rs.getLong(1),
            new PartnerEvent(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    fromJson(rs.getString(7)), rs.getObject(8, OffsetDateTime.class)),
            PartnerEventStatus.valueOf(rs.getString(9)), rs.getInt(10), rs.getObject(11, OffsetDateTime.class),
            rs.getObject(12, OffsetDateTime.class), rs.getString(13));
}
