package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Remembers external event ids so that a repeated event changes nothing. Joins the caller's transaction. */
@Component
public class ProcessedEvents {

    private final Database db;

    public ProcessedEvents(Database db) {
        this.db = db;
    }

    /** True the first time an event id is seen in a scope; a concurrent duplicate waits for the first to commit. */
    public boolean firstTime(String scope, String eventId) {
        return db.insertIfAbsent("insert into processed_event (scope, event_id, processed_at) values (?, ?, ?)",
                scope, eventId, db.now());
    }

    /**
     * The event ids of a list seen for the first time in a scope (an id twice in the list counts once), all
     * remembered with one batched statement. An id a concurrent transaction is taking makes it throw
     * {@link org.springframework.dao.DuplicateKeyException}; the caller takes its events one by one then.
     */
    public Set<String> firstTimes(String scope, List<String> eventIds) {
        OffsetDateTime now = db.now();
        List<Object[]> rows = new ArrayList<>(eventIds.size());
        eventIds.forEach(id -> rows.add(new Object[] {scope, id, now, scope, id}));
        int[] inserted = db.jdbc().batchUpdate("insert into processed_event (scope, event_id, processed_at) "
                + "select cast(? as varchar(40)), cast(? as varchar(120)), cast(? as timestamp with time zone) "
                + "where not exists (select 1 from processed_event where scope = ? and event_id = ?)", rows);
        Set<String> first = new LinkedHashSet<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                first.add(eventIds.get(i));
            }
        }
        return first;
    }
}
