package io.maestro.core.retention;

import io.maestro.core.db.Database;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Deletes the rows of Maestro's own tables that only grow, once they are older than their retention: partner
 * events their process took, notifications sent, dead letters an operator replayed or discarded, and the keys of
 * processed external events. Orders, their timelines, commands and the inventory ledger are business records
 * and are never purged here. Rows go in small batches, each its own transaction, so a purge never holds many
 * locks; several nodes purging at once only share the work.
 */
@Component
public class RetentionPurge {

    static final int BATCH = 1_000;

    private final Database db;

    public RetentionPurge(Database db) {
        this.db = db;
    }

    /** Purges what is older than its retention at {@code now}; returns the rows deleted per table. */
    public Map<String, Integer> purge(Retention retention, OffsetDateTime now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("partner_event", batches("partner_event", "id",
                "status = 'CORRELATED' and received_at < ?", now.minus(retention.partnerEvents())));
        deleted.put("notification", batches("notification", "id",
                "status = 'SENT' and sent_at < ?", now.minus(retention.notifications())));
        deleted.put("dead_letter", batches("dead_letter", "id",
                "status in ('REPLAYED', 'DISCARDED') and coalesce(replayed_at, received_at) < ?",
                now.minus(retention.deadLetters())));
        deleted.put("processed_event", processedEvents(now.minus(retention.processedEvents())));
        return deleted;
    }

    private int batches(String table, String key, String condition, OffsetDateTime before) {
        String sql = "delete from " + table + " where " + key + " in (select " + key + " from " + table + " where "
                + condition + " fetch first " + BATCH + " rows only)";
        int total = 0;
        int deleted;
        do {
            deleted = db.jdbc().update(sql, before);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    /** processed_event has a two-column key: batches go by the oldest stamp instead of by key. */
    private int processedEvents(OffsetDateTime before) {
        int total = 0;
        while (true) {
            OffsetDateTime upTo = db.jdbc().query("select processed_at from processed_event where processed_at < ? "
                            + "order by processed_at offset " + (BATCH - 1) + " rows fetch first 1 rows only",
                    (rs, n) -> rs.getObject(1, OffsetDateTime.class), before).stream().findFirst().orElse(null);
            if (upTo == null) {
                return total + db.jdbc().update("delete from processed_event where processed_at < ?", before);
            }
            total += db.jdbc().update("delete from processed_event where processed_at <= ?", upTo);
        }
    }

    /** How long each kind of row is kept after it stopped mattering. */
    public record Retention(Duration partnerEvents, Duration notifications, Duration deadLetters,
                            Duration processedEvents) {
    }
}
