package io.maestro.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happened to an order that did not come to rest, for a failure message or a benchmark's printout: where its
 * processes wait, their jobs, its partner events (those not handed over, then all), its processes from history and
 * its whole timeline.
 */
public final class OrderStory {

    private final Api api;
    private final JdbcTemplate jdbc;

    public OrderStory(Api api, JdbcTemplate jdbc) {
        this.api = api;
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
        List<String> timeline = new ArrayList<>();
        api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().path("entries")
                .forEach(e -> timeline.add(e.path("at").asText() + " " + e.path("type").asText() + " by "
                        + e.path("actor").asText()));
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
        List<String> entries = new ArrayList<>();
        api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().path("entries")
                .forEach(e -> entries.add(e.path("type").asText() + "/" + e.path("status").asText() + " by "
                        + e.path("actor").asText() + ": " + e.path("reason").asText()));
        return entries.subList(Math.max(0, entries.size() - 6), entries.size());
    }
}
