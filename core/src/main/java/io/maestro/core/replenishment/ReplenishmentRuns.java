package io.maestro.core.replenishment;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The reviews of nodes: each run has an id its proposals carry, its trigger and who started it. */
@Service
public class ReplenishmentRuns {

    /** What started a run. */
    public enum Trigger { SCHEDULE, ON_DEMAND }

    /** One review of a node. */
    public record Run(String runId, String nodeId, Trigger trigger, String startedBy, OffsetDateTime startedAt) {
    }

    private final Database db;

    public ReplenishmentRuns(Database db) {
        this.db = db;
    }

    /** Records a new run of the node; its id ({@code RUN-<n>}) back. */
    public Run open(String nodeId, Trigger trigger, String startedBy) {
        Run run = new Run("RUN-" + db.nextValue("replenishment_run_seq"), nodeId, trigger, startedBy, db.now());
        db.jdbc().update("insert into replenishment_run (run_id, node_id, trigger_kind, started_by, started_at) "
                + "values (?, ?, ?, ?, ?)", run.runId(), nodeId, trigger.name(), startedBy, run.startedAt());
        return run;
    }

    /**
     * Makes the caller's transaction the only review of the node until it ends: a concurrent review of the same node
     * waits here for it to commit, then sees its proposals. Takes the node's row in {@code replenishment_node_lock}.
     */
    public void lockNode(String nodeId) {
        db.insertIfAbsent("insert into replenishment_node_lock (node_id) values (?)", nodeId);
        db.jdbc().queryForList("select node_id from replenishment_node_lock where node_id = ? for update", String.class,
                nodeId);
    }

    /** When each node's last run started. */
    public Map<String, OffsetDateTime> lastStarted() {
        Map<String, OffsetDateTime> last = new HashMap<>();
        db.jdbc().query("select node_id, max(started_at) from replenishment_run group by node_id",
                rs -> {
                    last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                });
        return last;
    }

    /** The node's runs, newest first. */
    public List<Run> of(String nodeId, int limit) {
        return db.jdbc().query("select run_id, node_id, trigger_kind, started_by, started_at from replenishment_run "
                        + "where node_id = ? order by started_at desc, run_id desc limit " + limit,
                (rs, i) -> new Run(rs.getString(1), rs.getString(2), Trigger.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), nodeId);
    }
}
