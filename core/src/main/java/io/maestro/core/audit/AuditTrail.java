package io.maestro.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The append-only story of every order: status changes, decisions and messages with their reasons. */
@Component
public class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final int MAX_DETAILS = 8000;
    /** The partner message being handed to its process on this thread, if any. */
    private static final ThreadLocal<CarriedMessage> CARRIED = new ThreadLocal<>();

    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** Records an event in the caller's transaction; {@code details} is stored as JSON (null for none). */
    public void record(String orderId, String type, String status, String actor, String reason, Map<String, ?> details) {
        db.jdbc().update("insert into order_event (order_id, occurred_at, type, status, actor, reason, details) "
                + "values (?, ?, ?, ?, ?, ?, ?)", orderId, db.now(), type, status, truncate(actor, 100),
                truncate(reason, 1000), withCarriedMessage(orderId, details));
    }

    /**
     * Runs {@code handOver}, which hands a partner's message to the order's process on this thread: the first entry
     * that process records for the order on this thread carries the whole message under {@code partnerMessage}, so
     * one message is one entry. Entries recorded on other threads (another shipment's message, a job) never carry it.
     *
     * @return whether an entry took the message; if not (the process recorded nothing here), the caller records it
     */
    public boolean carryingMessage(String orderId, Map<String, ?> message, Runnable handOver) {
        CarriedMessage carried = new CarriedMessage(orderId, message);
        CarriedMessage outer = CARRIED.get();
        CARRIED.set(carried);
        try {
            handOver.run();
        } finally {
            if (outer == null) {
                CARRIED.remove();
            } else {
                CARRIED.set(outer);
            }
        }
        return carried.taken;
    }

    private static String withCarriedMessage(String orderId, Map<String, ?> details) {
        CarriedMessage carried = CARRIED.get();
        if (carried != null && !carried.taken && carried.orderId.equals(orderId)) {
            Map<String, Object> merged = details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
            merged.put("partnerMessage", carried.message);
            String json = serialise(merged);
            if (json.length() <= MAX_DETAILS) {
                carried.taken = true;
                return json;
            }
        }
        return details == null ? null : toJson(details);
    }

    public List<TimelineEntry> timeline(String orderId) {
        return db.jdbc().query("select id, occurred_at, type, status, actor, reason, details from order_event "
                + "where order_id = ? order by id", (rs, i) -> new TimelineEntry(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7)), orderId);
    }

    private static String toJson(Map<String, ?> details) {
        String json = serialise(details);
        if (json.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("Audit details over " + MAX_DETAILS + " characters: "
                    + json.substring(0, 200));
        }
        return json;
    }

    private static String serialise(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
    }

    private static final class CarriedMessage {
        private final String orderId;
        private final Map<String, ?> message;
        private boolean taken;

        private CarriedMessage(String orderId, Map<String, ?> message) {
            this.orderId = orderId;
            this.message = message;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
