package io.maestro.core.deadletter;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.db.Database;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where rejected input waits for an operator: listed with its reason, replayed through its source's
 * {@link DeadLetterHandler} once the cause is fixed (a node created, a SKU added), or discarded.
 */
@Component
public class DeadLetters {

    private static final String COLUMNS = "id, source, reference, payload, reason, status, received_at, replayed_at, replay_note";

    private final Database db;
    private final Map<String, DeadLetterHandler> handlers;

    public DeadLetters(Database db, List<DeadLetterHandler> handlers) {
        this.db = db;
        this.handlers = handlers.stream().collect(Collectors.toMap(DeadLetterHandler::source, Function.identity()));
    }

    /** Keeps the input in its own transaction, so it survives whatever rolls back around it. Returns its id. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long record(String source, String reference, String payload, String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        Object[] values = {cut(source, 40), cut(reference, 300), cut(payload, 16000), cut(reason, 2000),
            DeadLetterStatus.OPEN.name(), db.now()};
        db.jdbc().update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into dead_letter (source, reference, payload, "
                    + "reason, status, received_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<DeadLetter> find(long id) {
        return db.jdbc().query("select " + COLUMNS + " from dead_letter where id = ?", ROW, id).stream().findFirst();
    }

    /** The letter kept for this input before, if any: lets a source that reads the same input again record it once. */
    public Optional<DeadLetter> findByReference(String source, String reference) {
        return db.jdbc().query("select " + COLUMNS + " from dead_letter where source = ? and reference = ? order by id",
                ROW, source, cut(reference, 300)).stream().findFirst();
    }

    public long count(String source, DeadLetterStatus status) {
        List<Object> args = new ArrayList<>();
        return db.jdbc().queryForObject("select count(*) from dead_letter" + where(source, status, args), Long.class,
                args.toArray());
    }

    public List<DeadLetter> list(String source, DeadLetterStatus status, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        return db.jdbc().query("select " + COLUMNS + " from dead_letter" + where(source, status, args) + " order by id offset "
                + offset + " rows fetch first " + limit + " rows only", ROW, args.toArray());
    }

    private static String where(String source, DeadLetterStatus status, List<Object> args) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (source != null) {
            where.append(" and source = ?");
            args.add(source);
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        return where.toString();
    }

    /**
     * Replays an open dead letter through its source's handler. Success marks it REPLAYED; failure leaves it
     * OPEN with the new reason and rethrows.
     */
    public DeadLetter replay(long id, String actor) {
        DeadLetter letter = find(id).orElseThrow(() -> new NotFoundException("Dead letter", String.valueOf(id)));
        if (letter.status() != DeadLetterStatus.OPEN) {
            throw new InvalidRequestException("status", "dead letter " + id + " is " + letter.status() + ", not OPEN");
        }
        DeadLetterHandler handler = handlers.get(letter.source());
        if (handler == null) {
            throw new InvalidRequestException("source", "no replay handler for source " + letter.source());
        }
        try {
            handler.replay(letter.payload());
        } catch (RuntimeException e) {
            close(id, DeadLetterStatus.OPEN, "replay by " + actor + " failed: " + e.getMessage());
            throw e;
        }
        close(id, DeadLetterStatus.REPLAYED, "replayed by " + actor);
        return find(id).orElseThrow();
    }

    /** Sets an open dead letter aside with the operator's reason. */
    public DeadLetter discard(long id, String actor, String note) {
        DeadLetter letter = find(id).orElseThrow(() -> new NotFoundException("Dead letter", String.valueOf(id)));
        if (letter.status() != DeadLetterStatus.OPEN) {
            throw new InvalidRequestException("status", "dead letter " + id + " is " + letter.status() + ", not OPEN");
        }
        close(id, DeadLetterStatus.DISCARDED, "discarded by " + actor + (note == null ? "" : ": " + note));
        return find(id).orElseThrow();
    }

    private void close(long id, DeadLetterStatus status, String note) {
        db.jdbc().update("update dead_letter set status = ?, replayed_at = ?, replay_note = ? where id = ?",
                status.name(), status == DeadLetterStatus.OPEN ? null : db.now(), cut(note, 2000), id);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), DeadLetterStatus.valueOf(rs.getString(6)),
            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), rs.getString(9));
}
