package io.maestro.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Order-to-allocated and order-to-delivered times as timers with percentiles: each order's first ALLOCATED and first
 * DELIVERED (or PICKED_UP) on its timeline, taken from the timeline as they happen after this process started.
 */
@Component
@ConditionalOnWebApplication
public class OrderLeadTimes {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Timer toAllocated;
    private final Timer toDelivered;
    private final Timestamp startedAt = Timestamp.from(Instant.now());
    private long lastEventId;

    public OrderLeadTimes(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.toAllocated = timer(registry, "maestro.order.to.allocated", "From an order's receipt to its first allocation");
        this.toDelivered = timer(registry, "maestro.order.to.delivered",
                "From an order's receipt to its delivery (or pick-up)");
    }

    /** Records the lead times of the timeline entries written since the last call. */
    @Scheduled(fixedDelayString = "${maestro.metrics.refresh:PT15S}", initialDelayString = "PT1S")
    public synchronized void record() {
        int read;
        do {
            read = jdbc.query("select e.id, e.status, e.occurred_at, o.created_at from order_event e "
                    + "join orders o on o.id = e.order_id where e.id > ? and e.occurred_at >= ? "
                    + "and e.status in ('ALLOCATED', 'DELIVERED', 'PICKED_UP') and not exists (select 1 from order_event p "
                    + "where p.order_id = e.order_id and p.status = e.status and p.id < e.id) order by e.id "
                    + "fetch first " + BATCH + " rows only", rs -> {
                        int rows = 0;
                        while (rs.next()) {
                            rows++;
                            lastEventId = rs.getLong(1);
                            Duration lead = Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(3).toInstant());
                            ("ALLOCATED".equals(rs.getString(2)) ? toAllocated : toDelivered).record(lead);
                        }
                        return rows;
                    }, lastEventId, startedAt);
        } while (read == BATCH);
    }

    private static Timer timer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofDays(30)).register(registry);
    }
}
