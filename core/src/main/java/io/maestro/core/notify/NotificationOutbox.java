package io.maestro.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.Violations;
import io.maestro.core.db.Database;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The customer notification outbox: written in the transaction of the status change it tells about,
 * delivered later by the integrations (e-mail, webhook), each notification once.
 */
@Component
public class NotificationOutbox {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String COLUMNS = "id, dedup_key, order_id, type, recipient, subject, body, details, status, "
            + "attempts, created_at, sent_at, last_error";

    private final Database db;

    public NotificationOutbox(Database db) {
        this.db = db;
    }

    /** Adds the notification unless the same fact was already queued; returns whether it was added. */
    @Transactional
    public boolean enqueue(NotificationRequest n) {
        Violations v = new Violations();
        v.requireText(n.dedupKey(), "dedupKey", 200);
        v.requireText(n.orderId(), "orderId", 40);
        v.requireText(n.type(), "type", 40);
        v.requireText(n.subject(), "subject", 300);
        v.requireText(n.body(), "body", 4000);
        v.require(n.recipient() == null || n.recipient().length() <= 320, "recipient", "must be at most 320 characters");
        v.throwIfAny();
        OffsetDateTime now = db.now();
        return db.insertIfAbsent("insert into notification (dedup_key, order_id, type, recipient, subject, body, details, "
                        + "status, attempts, next_attempt_at, created_at) values (?,?,?,?,?,?,?,?,0,?,?)",
                n.dedupKey(), n.orderId(), n.type(), n.recipient(), n.subject(), n.body(), toJson(n.details()),
                NotificationStatus.PENDING.name(), now, now);
    }

    /** Pending notifications whose next attempt is due, oldest first. */
    public List<Notification> due(int limit) {
        return db.jdbc().query("select " + COLUMNS + " from notification where status = ? and next_attempt_at <= ? "
                + "order by id fetch first " + limit + " rows only", ROW, NotificationStatus.PENDING.name(), db.now());
    }

    public List<Notification> ofOrder(String orderId) {
        return db.jdbc().query("select " + COLUMNS + " from notification where order_id = ? order by id", ROW, orderId);
    }

    public List<Notification> withStatus(NotificationStatus status, int offset, int limit) {
        return db.jdbc().query("select " + COLUMNS + " from notification where status = ? order by id offset " + offset
                + " rows fetch first " + limit + " rows only", ROW, status.name());
    }

    /**
     * Takes a due notification for one deliverer: moves its next attempt {@code lease} ahead, so other deliverers
     * polling the same database skip it. False when another deliverer claimed it first.
     */
    @Transactional
    public boolean claim(long id, Duration lease) {
        OffsetDateTime now = db.now();
        return db.jdbc().update("update notification set next_attempt_at = ? where id = ? and status = ? "
                + "and next_attempt_at <= ?", now.plus(lease), id, NotificationStatus.PENDING.name(), now) == 1;
    }

    /** Marks a pending notification sent; false when another deliverer got there first. */
    @Transactional
    public boolean markSent(long id) {
        return db.jdbc().update("update notification set status = ?, sent_at = ?, attempts = attempts + 1, "
                + "last_error = null where id = ? and status = ?", NotificationStatus.SENT.name(), db.now(), id,
                NotificationStatus.PENDING.name()) == 1;
    }

    /** Records a failed delivery: retried after {@code retryAfter}, FAILED once {@code maxAttempts} are used. */
    @Transactional
    public void markAttemptFailed(long id, String error, Duration retryAfter, int maxAttempts) {
        db.jdbc().update("update notification set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "status = case when attempts + 1 >= ? then ? else status end where id = ? and status = ?",
                error == null || error.length() <= 1000 ? error : error.substring(0, 1000), db.now().plus(retryAfter),
                maxAttempts, NotificationStatus.FAILED.name(), id, NotificationStatus.PENDING.name());
    }

    /** Puts a FAILED notification back in line. */
    @Transactional
    public boolean retry(long id) {
        return db.jdbc().update("update notification set status = ?, attempts = 0, next_attempt_at = ? where id = ? "
                + "and status = ?", NotificationStatus.PENDING.name(), db.now(), id, NotificationStatus.FAILED.name()) == 1;
    }

    private static String toJson(Map<String, ?> details) {
        try {
            String json = JSON.writeValueAsString(details);
            if (json.length() > 8000) {
                throw new IllegalArgumentException("Notification details over 8000 characters");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notification details are not serialisable", e);
        }
    }

    private static final RowMapper<Notification> ROW = (rs, i) -> new Notification(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            NotificationStatus.valueOf(rs.getString(9)), rs.getInt(10), rs.getObject(11, OffsetDateTime.class),
            rs.getObject(12, OffsetDateTime.class), rs.getString(13));
}
