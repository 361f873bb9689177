package io.maestro.app.alerts;

import io.maestro.core.db.Database;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code alert_state} table: whether each condition is FIRING or RESOLVED. Every change is a conditional update
 * (or an insert that loses to an existing row), so of several application nodes checking the same database only one
 * sees a condition start or end, and only that one sends the alert.
 */
@Component
public class AlertStates {

    static final String FIRING = "FIRING";
    static final String RESOLVED = "RESOLVED";

    private final Database db;

    public AlertStates(Database db) {
        this.db = db;
    }

    /** Records that the condition holds; true if it did not before (the alert is to be sent). */
    public boolean fire(Alert alert) {
        OffsetDateTime now = db.now();
        if (db.insertIfAbsent("insert into alert_state (alert_key, rule, subject, status, message, fired_at, updated_at) "
                + "values (?,?,?,?,?,?,?)", alert.key(), alert.rule(), alert.subject(), FIRING, alert.message(), now, now)) {
            return true;
        }
        return db.jdbc().update("update alert_state set status = ?, message = ?, fired_at = ?, resolved_at = null, "
                + "updated_at = ? where alert_key = ? and status = ?", FIRING, alert.message(), now, now, alert.key(),
                RESOLVED) == 1;
    }

    /** Records that the condition ended; true if it held until now (the all-clear is to be sent). */
    public boolean resolve(String key) {
        OffsetDateTime now = db.now();
        return db.jdbc().update("update alert_state set status = ?, resolved_at = ?, updated_at = ? where alert_key = ? "
                + "and status = ?", RESOLVED, now, now, key, FIRING) == 1;
    }

    /** The alerts firing now. */
    public List<Alert> firing() {
        return db.jdbc().query("select rule, subject, message from alert_state where status = ? order by alert_key",
                (rs, i) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3)), FIRING);
    }

    /** When the alert with this key last started firing (for the notification's once-only key). */
    OffsetDateTime firedAt(String key) {
        return db.jdbc().queryForObject("select fired_at from alert_state where alert_key = ?", OffsetDateTime.class, key);
    }
}
