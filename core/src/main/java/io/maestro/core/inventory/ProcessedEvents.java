package io.maestro.core.inventory;

import io.maestro.core.db.Database;
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
}
