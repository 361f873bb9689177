package io.maestro.app.simulation;

import io.maestro.core.db.Database;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The {@code simulation} table: one row per replay, its progress and heartbeat while it runs, then its result. */
@Component
@ConditionalOnWebApplication
public class SimulationStore {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";
    private static final String STOPPED = "The node running it stopped before it finished (restart or crash); start it again";

    /** A simulation's row; {@code request} and {@code result} are JSON. */
    public record Row(String id, String name, String status, String requestedBy, String request, int stepsTotal,
                      int stepsDone, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      OffsetDateTime heartbeatAt, String error, String result) {
    }

    private final Database db;

    public SimulationStore(Database db) {
        this.db = db;
    }

    void create(String id, String name, String requestedBy, String owner, String request) {
        OffsetDateTime now = db.now();
        db.jdbc().update("insert into simulation (simulation_id, name, status, requested_by, owner, request, steps_total, "
                + "steps_done, created_at, heartbeat_at) values (?,?,?,?,?,?,0,0,?,?)", id, name, QUEUED, requestedBy, owner,
                request, now, now);
    }

    /** Marks INTERRUPTED the queued or running simulations of {@code owner} but {@code alive}; returns how many. */
    int markInterrupted(String owner, java.util.Set<String> alive) {
        int marked = 0;
        for (String id : db.jdbc().queryForList("select simulation_id from simulation where owner = ? and status in (?, ?)",
                String.class, owner, QUEUED, RUNNING)) {
            if (!alive.contains(id)) {
                marked += db.jdbc().update("update simulation set status = ?, finished_at = ?, error = ? "
                        + "where simulation_id = ? and status in (?, ?)", INTERRUPTED, db.now(), STOPPED, id, QUEUED, RUNNING);
            }
        }
        return marked;
    }

    void started(String id, int stepsTotal) {
        OffsetDateTime now = db.now();
        db.jdbc().update("update simulation set status = ?, steps_total = ?, started_at = ?, heartbeat_at = ? "
                + "where simulation_id = ?", RUNNING, stepsTotal, now, now, id);
    }

    void progress(String id, int stepsDone) {
        db.jdbc().update("update simulation set steps_done = ?, heartbeat_at = ? where simulation_id = ?", stepsDone,
                db.now(), id);
    }

    /** Keeps the queued or running simulations of this node from being taken for interrupted. */
    void heartbeat(List<String> ids) {
        OffsetDateTime now = db.now();
        ids.forEach(id -> db.jdbc().update("update simulation set heartbeat_at = ? where simulation_id = ? "
                + "and status in (?, ?)", now, id, QUEUED, RUNNING));
    }

    void done(String id, int stepsDone, String result) {
        OffsetDateTime now = db.now();
        db.jdbc().update("update simulation set status = ?, steps_done = ?, result = ?, finished_at = ?, heartbeat_at = ? "
                + "where simulation_id = ?", DONE, stepsDone, result, now, now, id);
    }

    void failed(String id, String error) {
        OffsetDateTime now = db.now();
        db.jdbc().update("update simulation set status = ?, error = ?, finished_at = ?, heartbeat_at = ? "
                + "where simulation_id = ?", FAILED, clip(error), now, now, id);
    }

    /**
     * Marks INTERRUPTED the queued or running simulations whose heartbeat is older than {@code silence} (their node
     * stopped or restarted: nothing will finish them); returns how many.
     */
    int markInterrupted(Duration silence) {
        OffsetDateTime now = db.now();
        return db.jdbc().update("update simulation set status = ?, finished_at = ?, error = ? where status in (?, ?) "
                + "and heartbeat_at < ?", INTERRUPTED, now, STOPPED, QUEUED, RUNNING, now.minus(silence));
    }

    Optional<Row> find(String id) {
        return db.jdbc().query("select simulation_id, name, status, requested_by, request, steps_total, steps_done, "
                + "created_at, started_at, finished_at, heartbeat_at, error, result from simulation where simulation_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                        rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13)), id)
                .stream().findFirst();
    }

    private static String clip(String text) {
        String value = String.valueOf(text);
        return value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
    }
}
