package io.maestro.core.command;

import io.maestro.core.db.Database;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Units of order lines cancelled by line-cancel commands: what allocation no longer places. */
@Repository
public class LineCancellations {

    private final Database db;

    public LineCancellations(Database db) {
        this.db = db;
    }

    public void record(String commandId, String orderId, int lineNo, int quantity) {
        db.jdbc().update("insert into order_line_cancellation (command_id, order_id, line_no, quantity, cancelled_at) "
                + "values (?, ?, ?, ?, ?)", commandId, orderId, lineNo, quantity, db.now());
    }

    /** Cancelled units per line number; lines with none are absent. */
    public Map<Integer, Integer> byLine(String orderId) {
        Map<Integer, Integer> cancelled = new HashMap<>();
        db.jdbc().query("select line_no, sum(quantity) from order_line_cancellation where order_id = ? group by line_no",
                rs -> {
                    cancelled.put(rs.getInt(1), rs.getInt(2));
                }, orderId);
        return cancelled;
    }
}
