package io.maestro.processes.replenishment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeStatus;
import io.maestro.core.network.NodeType;
import io.maestro.core.replenishment.ReplenishmentRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which nodes the timer reviews: by each node's interval since its last run, a new node after the first wait. */
class ReplenishmentScheduleTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    final NetworkService network = mock(NetworkService.class);
    final ReplenishmentRuns runs = mock(ReplenishmentRuns.class);
    final ReplenishmentRunner runner = mock(ReplenishmentRunner.class);
    final ReplenishmentProperties properties = new ReplenishmentProperties();
    final MovableClock clock = new MovableClock(START);
    ReplenishmentSchedule schedule;

    @BeforeEach
    void threeNodes() {
        properties.getNodeRunIntervals().put("ST-SOHO", Duration.ofHours(12));
        when(network.all()).thenReturn(List.of(node("DC-OLEAN"), node("ST-SOHO"), node("DC-NEW")));
        when(runner.start(anyString(), any(), anyString())).thenAnswer(call -> new ReplenishmentRuns.Run("RUN-1",
                call.getArgument(0), ReplenishmentRuns.Trigger.SCHEDULE, "schedule", null));
        schedule = new ReplenishmentSchedule(network, runs, runner, properties, clock);
    }

    @Test
    void aNodeIsReviewedOnceItsIntervalSinceTheLastRunHasPassed() {
        clock.now = START.plus(Duration.ofMinutes(30));
        when(runs.lastStarted()).thenReturn(Map.of("DC-OLEAN", at(START.minus(Duration.ofHours(23))),
                "ST-SOHO", at(START.minus(Duration.ofHours(12)))));

        schedule.startDueRuns();

        verify(runner, never()).start(eq("DC-OLEAN"), any(), anyString());
        verify(runner).start("ST-SOHO", ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
        verify(runner, never()).start(eq("DC-NEW"), any(), anyString());
    }

    @Test
    void aNodeNeverReviewedWaitsTheFirstRunAfterTheStart() {
        when(runs.lastStarted()).thenReturn(Map.of("DC-OLEAN", at(START), "ST-SOHO", at(START)));
        clock.now = START.plus(Duration.ofHours(2)).minusSeconds(1);
        schedule.startDueRuns();
        verify(runner, never()).start(eq("DC-NEW"), any(), anyString());

        clock.now = START.plus(Duration.ofHours(2));
        schedule.startDueRuns();
        verify(runner).start("DC-NEW", ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
    }

    @Test
    void aNodeThatCannotStartDoesNotStopTheOthers() {
        clock.now = START.plus(Duration.ofDays(1));
        when(runs.lastStarted()).thenReturn(Map.of());
        when(runner.start(eq("DC-OLEAN"), any(), anyString())).thenThrow(new IllegalStateException("database down"));

        schedule.startDueRuns();

        verify(runner).start("ST-SOHO", ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
        verify(runner).start("DC-NEW", ReplenishmentRuns.Trigger.SCHEDULE, "schedule");
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Node node(String id) {
        return new Node(id, id, id.startsWith("ST") ? NodeType.STORE : NodeType.DC, null, 40.7, -74.0, Set.of(), 100,
                null, "America/New_York", null, null, NodeStatus.OPEN);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
