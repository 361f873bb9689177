package io.maestro.core.rollout;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The {@code decision_rollout} rows: the decision rollouts every node reads. */
@Repository
public class RolloutStore {

    private static final String COLUMNS = "id, decision_key, base_version, candidate_version, slice_region, slice_channel, "
            + "slice_category, slice_share, status, started_at, started_by, ended_at, ended_by";

    private final Database db;

    public RolloutStore(Database db) {
        this.db = db;
    }

    public void insert(Rollout r) {
        db.jdbc().update("insert into decision_rollout (id, decision_key, active_key, base_version, candidate_version, "
                        + "slice_region, slice_channel, slice_category, slice_share, status, started_at, started_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.decisionKey(), r.decisionKey(),
                r.baseVersion(), r.candidateVersion(), r.slice().region(), r.slice().channel(), r.slice().category(),
                r.slice().sharePercent(), r.status().name(), r.startedAt(), r.startedBy());
    }

    /** Ends an active rollout; false when it is not active (any more). */
    public boolean end(String id, RolloutStatus status, String actor) {
        return db.jdbc().update("update decision_rollout set status = ?, active_key = null, ended_at = ?, ended_by = ? "
                + "where id = ? and status = ?", status.name(), db.now(), actor, id, RolloutStatus.ACTIVE.name()) == 1;
    }

    public Optional<Rollout> find(String id) {
        return db.jdbc().query("select " + COLUMNS + " from decision_rollout where id = ?", RolloutStore::row, id)
                .stream().findFirst();
    }

    /** The table's rollouts, newest first. */
    public List<Rollout> ofDecision(String decisionKey) {
        return db.jdbc().query("select " + COLUMNS + " from decision_rollout where decision_key = ? "
                + "order by started_at desc, id desc", RolloutStore::row, decisionKey);
    }

    public Optional<Rollout> latest(String decisionKey) {
        return db.jdbc().query("select " + COLUMNS + " from decision_rollout where decision_key = ? "
                + "order by started_at desc, id desc fetch first 1 rows only", RolloutStore::row, decisionKey)
                .stream().findFirst();
    }

    private static Rollout row(ResultSet rs, int i) throws SQLException {
        int share = rs.getInt("slice_share");
        Integer sharePercent = rs.wasNull() ? null : share;
        return new Rollout(rs.getString("id"), rs.getString("decision_key"), rs.getInt("base_version"),
                rs.getInt("candidate_version"), new Slice(rs.getString("slice_region"), rs.getString("slice_channel"),
                rs.getString("slice_category"), sharePercent), RolloutStatus.valueOf(rs.getString("status")),
                rs.getObject("started_at", OffsetDateTime.class), rs.getString("started_by"),
                rs.getObject("ended_at", OffsetDateTime.class), rs.getString("ended_by"));
    }
}
