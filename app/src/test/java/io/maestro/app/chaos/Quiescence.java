package io.maestro.app.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until nothing moves any more: no command waiting to be applied, no process job or allocation due, no failed
 * job waiting to be tried again, and no timeline entry written for a while. Fails with what still moved when that does not come within the upper bound.
 */
final class Quiescence {

    static final List<String> SETTLED = List.of("DELIVERED", "CANCELLED", "PICKED_UP", "PARTIALLY_RETURNED", "RETURNED");
    private static final Duration STILL_FOR = Duration.ofSeconds(6);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String UNSETTLED = "('" + String.join("','", SETTLED) + "')";

    private final JdbcTemplate jdbc;

    Quiescence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how long it took. */
    Duration await(Duration atMost) throws InterruptedException {
        Instant began = Instant.now();
        Instant deadline = began.plus(atMost);
        long lastEvents = -1;
        Instant stillSince = Instant.now();
        while (true) {
            Map<String, Long> moving = moving();
            long events = jdbc.queryForObject("select count(*) from order_event", Long.class);
            if (events != lastEvents || moving.values().stream().anyMatch(n -> n > 0)) {
                lastEvents = events;
                stillSince = Instant.now();
            } else if (Duration.between(stillSince, Instant.now()).compareTo(STILL_FOR) >= 0) {
                return Duration.between(began, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still moving after " + atMost + ": " + moving + ", timeline entries " + events
                        + "; orders by status " + jdbc.queryForList("select status, count(*) n from orders group by status")
                        + "; partner events pending for orders under way " + jdbc.queryForList("select e.order_id, e.type, "
                        + "e.last_error from partner_event e join orders o on o.id = e.order_id where e.status = 'PENDING' "
                        + "and o.status not in " + UNSETTLED)
                        + "; due jobs " + jdbc.queryForList("select d.ACT_ID_, count(*) n from ACT_RU_JOB j left join ACT_RU_JOBDEF d "
                        + "on d.ID_ = j.JOB_DEF_ID_ where j.RETRIES_ > 0 and (j.DUEDATE_ is null or j.DUEDATE_ <= LOCALTIMESTAMP) "
                        + "group by d.ACT_ID_"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Map<String, Long> moving() {
        return Map.of(
                "commands waiting", count("select count(*) from order_command where status = 'RECEIVED'"),
                "jobs due", count("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 "
                        + "and (DUEDATE_ is null or DUEDATE_ <= LOCALTIMESTAMP)"),
                "failed jobs to be tried again", count("select count(*) from ACT_RU_JOB where RETRIES_ > 0 "
                        + "and SUSPENSION_STATE_ = 1 and EXCEPTION_MSG_ is not null"),
                "allocations waiting", count("select count(*) from ACT_RU_EXT_TASK where RETRIES_ is null or RETRIES_ > 0"));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
