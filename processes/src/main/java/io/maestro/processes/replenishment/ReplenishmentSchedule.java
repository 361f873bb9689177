package io.maestro.processes.replenishment;

import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ReplenishmentRuns;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each node's review on a timer: once a minute, every node (paused ones too: they still receive stock) whose last
 * run started at least its run interval ago ({@code maestro.replenishment.node-run-intervals.<nodeId>}, else
 * {@code maestro.replenishment.run-interval}, default a day) gets a scheduled run; a node never reviewed waits
 * {@code maestro.replenishment.first-run-after} (default two hours, after the first forecast refresh) from this
 * application's start. Off with {@code maestro.replenishment.schedule-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "maestro.replenishment.schedule-enabled", havingValue = "true", matchIfMissing = true)
class ReplenishmentSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReplenishmentSchedule.class);

    private final NetworkService network;
    private final ReplenishmentRuns runs;
    private final ReplenishmentRunner runner;
    private final ReplenishmentProperties properties;
    private final Clock clock;
    private final Instant started;

    ReplenishmentSchedule(NetworkService network, ReplenishmentRuns runs, ReplenishmentRunner runner,
                          ReplenishmentProperties properties, Clock clock) {
        this.network = network;
        this.runs = runs;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void startDueRuns() {
        Instant now = clock.instant();
        Map<String, OffsetDateTime> last = runs.lastStarted();
        for (Node node : network.all()) {
            OffsetDateTime lastRun = last.get(node.id());
            Instant due = lastRun == null ? started.plus(properties.getFirstRunAfter())
                    : lastRun.toInstant().plus(properties.intervalOf(node.id()));
            if (now.isBefore(due)) {
                continue;
            }
            try {
                ReplenishmentRuns.Run run = runner.start(node.id(), ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
                LOG.info("Replenishment run {} of {} started on schedule", run.runId(), node.id());
            } catch (RuntimeException e) {
                LOG.warn("Replenishment run of {} not started, tried again in a minute: {}", node.id(), e.toString());
            }
        }
    }
}
