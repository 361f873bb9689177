package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Remembers external event ids, with the hash of their content, so that a repeated event changes nothing and an id
 * reused for other content is told apart. Joins the caller's transaction.
 */
@Component
public class ProcessedEvents {

    /** What an event id was to this scope. */
    public enum Seen {
        /** Never seen: now remembered with its content hash. */
        FIRST,
        /** Seen with the same content (or before content hashes were kept, V7): a repeat. */
        AGAIN,
        /** Seen with other content: the id is being reused. */
        WITH_OTHER_CONTENT
    }

    private final Database db;

    public ProcessedEvents(Database db) {
        this.db = db;
    }

    /** Whether an event id is new to a scope; a concurrent duplicate waits for the first to commit. */
    public Seen see(String scope, String eventId, String contentHash) {
        if (db.insertIfAbsent("insert into processed_event (scope, event_id, content_hash, processed_at) values (?, ?, ?, ?)",
                scope, eventId, contentHash, db.now())) {
            return Seen.FIRST;
        }
        return sameContent(scope, eventId, contentHash) ? Seen.AGAIN : Seen.WITH_OTHER_CONTENT;
    }

    /**
     * The event ids of a list seen for the first time in a scope (an id twice in the list counts once), all
     * remembered with their content hashes ({@code contentHashes} in the order of {@code eventIds}) with one batched
     * statement; and the ids seen before with other content. An id a concurrent transaction is taking makes it throw
     * {@link org.springframework.dao.DuplicateKeyException}; the caller takes its events one by one then.
     */
    public Batch seeAll(String scope, List<String> eventIds, List<String> contentHashes) {
        OffsetDateTime now = db.now();
        List<Object[]> rows = new ArrayList<>(eventIds.size());
        for (int i = 0; i < eventIds.size(); i++) {
            rows.add(new Object[] {scope, eventIds.get(i), contentHashes.get(i), now, scope, eventIds.get(i)});
        }
        int[] inserted = db.jdbc().batchUpdate("insert into processed_event (scope, event_id, content_hash, processed_at) "
                + "select cast(? as varchar(40)), cast(? as varchar(120)), cast(? as varchar(64)), "
                + "cast(? as timestamp with time zone) "
                + "where not exists (select 1 from processed_event where scope = ? and event_id = ?)", rows);
        Set<String> first = new LinkedHashSet<>();
        Set<String> reused = new LinkedHashSet<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                first.add(eventIds.get(i));
            } else if (!sameContent(scope, eventIds.get(i), contentHashes.get(i))) {
                reused.add(eventIds.get(i));
            }
        }
        return new Batch(first, reused);
    }

    /** The outcome of {@link #seeAll}: ids new to the scope, and ids seen before with other content. */
    public record Batch(Set<String> firstTimes, Set<String> reusedWithOtherContent) {
    }

    private boolean sameContent(String scope, String eventId, String contentHash) {
        Optional<String> stored = db.jdbc().queryForList("select content_hash from processed_event where scope = ? "
                + "and event_id = ?", String.class, scope, eventId).stream().filter(Objects::nonNull).findFirst();
        return stored.isEmpty() || stored.get().equals(contentHash);
    }
}
