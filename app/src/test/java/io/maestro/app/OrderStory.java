package io.maestro.app;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happened to an order that did not come to rest, for a failure message or a benchmark's printout, read from
 * the database: where its processes wait, their jobs, its partner events (those not handed over, then all), its
 * processes from history and its whole timeline.
 */
public final class OrderStory {

    private final JdbcTemplate jdbc;

    public OrderStory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's story in one line. */
    public String of(String orderId) {
        return "waits at " + waitingAt(orderId) + "; jobs " + jobs(orderId)
                + "; partner events not handed over " + jdbc.queryForList("select type, status, attempts, last_error "
                + "from partner_event where order_id = ? and status <> 'CORRELATED'", orderId)
                + "; last timeline entries " + timelineTail(orderId) + "; " + history(orderId);
    }

    private String history(String orderId) {
        List<String> timeline = jdbc.query("select occurred_at, type, actor from order_event where order_id = ? order by id",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " by " + rs.getString(3), orderId);
        return "every partner event " + jdbc.queryForList("select event_id, type, shipment_id, status, attempts, received_at "
                + "from partner_event where order_id = ? order by id", orderId)
                + "; processes " + jdbc.queryForList("select PROC_DEF_KEY_, START_TIME_, END_TIME_, START_ACT_ID_, END_ACT_ID_, "
                + "DELETE_REASON_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ? order by START_TIME_", orderId)
                + "; whole timeline " + timeline;
    }

    private List<String> waitingAt(String orderId) {
        return jdbc.queryForList("select distinct e.ACT_ID_ from ACT_RU_EXECUTION e where e.ACT_ID_ is not null and "
                + "e.PROC_INST_ID_ in (select p.PROC_INST_ID_ from ACT_RU_EXECUTION p where p.BUSINESS_KEY_ = ?)", String.class,
                orderId);
    }

    private List<Map<String, Object>> jobs(String orderId) {
        return jdbc.queryForList("select d.ACT_ID_, j.RETRIES_, j.DUEDATE_, j.LOCK_OWNER_, j.SUSPENSION_STATE_, j.EXCEPTION_MSG_ "
                + "from ACT_RU_JOB j left join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where j.PROCESS_INSTANCE_ID_ in "
                + "(select p.PROC_INST_ID_ from ACT_RU_EXECUTION p where p.BUSINESS_KEY_ = ?)", orderId);
    }

    private List<String> timelineTail(String orderId) {
        List<String> entries = jdbc.query("select type, status, actor, reason from order_event where order_id = ? order by id",
                (rs, i) -> rs.getString(1) + "/" + rs.getString(2) + " by " + rs.getString(3) + ": " + rs.getString(4),
                orderId);
        return entries.subList(Math.max(0, entries.size() - 6), entries.size());
    }
}
