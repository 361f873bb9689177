package io.maestro.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The append-only story of every order: status changes, decisions and messages with their reasons. */
@Component
public class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** Records an event in the caller's transaction; {@code details} is stored as JSON (null for none). */
    public void record(String orderId, String type, String status, String actor, String reason, Map<String, ?> details) {
        db.jdbc().update("insert into order_event (order_id, occurred_at, type, status, actor, reason, details) "
                + "values (?, ?, ?, ?, ?, ?, ?)", orderId, db.now(), type, status, truncate(actor, 100),
                truncate(reason, 1000), details == null ? null : toJson(details));
    }

    public List<TimelineEntry> timeline(String orderId) {
        return db.jdbc().query("select id, occurred_at, type, status, actor, reason, details from order_event "
                + "where order_id = ? order by id", (rs, i) -> new TimelineEntry(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7)), orderId);
    }

    private static String toJson(Map<String, ?> details) {
        try {
            String json = JSON.writeValueAsString(details);
            if (json.length() > 8000) {
                throw new IllegalArgumentException("Audit details over 8000 characters: " + json.substring(0, 200));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
