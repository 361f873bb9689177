package io.maestro.processes.replenishment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code maestro.replenishment.*}: how often each node is reviewed ({@code run-interval}, per node
 * {@code node-run-intervals.<nodeId>}) and how long after the start a node never reviewed waits
 * ({@code first-run-after}); {@code schedule-enabled} turns the timer off (runs on demand still work).
 */
@Component
@ConfigurationProperties("maestro.replenishment")
public class ReplenishmentProperties {

    private boolean scheduleEnabled = true;
    private Duration runInterval = Duration.ofDays(1);
    private Duration firstRunAfter = Duration.ofHours(2);
    private final Map<String, Duration> nodeRunIntervals = new LinkedHashMap<>();

    public Duration intervalOf(String nodeId) {
        return nodeRunIntervals.getOrDefault(nodeId, runInterval);
    }

    public boolean isScheduleEnabled() {
        return scheduleEnabled;
    }

    public void setScheduleEnabled(boolean scheduleEnabled) {
        this.scheduleEnabled = scheduleEnabled;
    }

    public Duration getRunInterval() {
        return runInterval;
    }

    public void setRunInterval(Duration runInterval) {
        this.runInterval = runInterval;
    }

    public Duration getFirstRunAfter() {
        return firstRunAfter;
    }

    public void setFirstRunAfter(Duration firstRunAfter) {
        this.firstRunAfter = firstRunAfter;
    }

    public Map<String, Duration> getNodeRunIntervals() {
        return nodeRunIntervals;
    }
}
