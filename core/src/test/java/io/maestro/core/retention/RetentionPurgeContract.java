package io.maestro.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.retention.RetentionPurge.Retention;
import io.maestro.core.testing.DomainTables;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The retention purge on H2 and on PostgreSQL: what is past its retention goes, everything else stays. */
abstract class RetentionPurgeContract {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 2, 30, 0, 0, ZoneOffset.UTC);
    static final Retention RETENTION = new Retention(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(90),
            Duration.ofDays(90));

    @Autowired RetentionPurge purge;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        DomainTables.empty(jdbc);
    }

    @Test
    void partnerEventsGoOnceTakenAndOlderThanTheirRetention() {
        partnerEvent("taken-old", "CORRELATED", NOW.minusDays(31));
        partnerEvent("taken-recent", "CORRELATED", NOW.minusDays(29));
        partnerEvent("pending-old", "PENDING", NOW.minusDays(200));
        partnerEvent("failed-old", "FAILED", NOW.minusDays(200));

        assertThat(purge.purge(RETENTION, NOW)).containsEntry("partner_event", 1);

        assertThat(jdbc.queryForList("select event_id from partner_event order by event_id", String.class))
                .containsExactly("failed-old", "pending-old", "taken-recent");
    }

    @Test
    void notificationsGoOnceSentAndOlderThanTheirRetention() {
        notification("sent-old", "SENT", NOW.minusDays(31));
        notification("sent-recent", "SENT", NOW.minusDays(1));
        notification("pending", "PENDING", null);
        notification("failed", "FAILED", null);

        assertThat(purge.purge(RETENTION, NOW)).containsEntry("notification", 1);

        assertThat(jdbc.queryForList("select dedup_key from notification order by dedup_key", String.class))
                .containsExactly("failed", "pending", "sent-recent");
    }

    @Test
    void deadLettersGoOnlyOnceResolvedAndOlderThanTheirRetention() {
        deadLetter("replayed-old", "REPLAYED", NOW.minusDays(100), NOW.minusDays(91));
        deadLetter("replayed-recent", "REPLAYED", NOW.minusDays(100), NOW.minusDays(89));
        deadLetter("discarded-old", "DISCARDED", NOW.minusDays(95), null);
        deadLetter("open-old", "OPEN", NOW.minusDays(400), null);

        assertThat(purge.purge(RETENTION, NOW)).containsEntry("dead_letter", 2);

        assertThat(jdbc.queryForList("select reference from dead_letter order by reference", String.class))
                .containsExactly("open-old", "replayed-recent");
    }

    @Test
    void processedEventKeysGoAfterTheirRetentionInBatches() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2 * RetentionPurge.BATCH + 500; i++) {
            rows.add(new Object[] {"inventory", "old-" + i, NOW.minusDays(91).minusSeconds(i)});
        }
        rows.add(new Object[] {"inventory", "recent", NOW.minusDays(89)});
        jdbc.batchUpdate("insert into processed_event (scope, event_id, processed_at) values (?, ?, ?)", rows);

        assertThat(purge.purge(RETENTION, NOW)).containsEntry("processed_event", 2 * RetentionPurge.BATCH + 500);

        assertThat(jdbc.queryForList("select event_id from processed_event", String.class)).containsExactly("recent");
    }

    @Test
    void aSecondPurgeFindsNothingMore() {
        partnerEvent("taken-old", "CORRELATED", NOW.minusDays(31));
        purge.purge(RETENTION, NOW);

        assertThat(purge.purge(RETENTION, NOW)).containsOnlyKeys("partner_event", "notification", "dead_letter",
                "processed_event").allSatisfy((table, deleted) -> assertThat(deleted).isZero());
    }

    private void partnerEvent(String eventId, String status, OffsetDateTime receivedAt) {
        jdbc.update("insert into partner_event (source, event_id, type, order_id, occurred_at, received_at, status, "
                + "attempts, next_attempt_at) values ('wms-DC-BKN', ?, 'ShipmentAccepted', 'ORD-1', ?, ?, ?, 1, ?)",
                eventId, receivedAt, receivedAt, status, receivedAt);
    }

    private void notification(String key, String status, OffsetDateTime sentAt) {
        jdbc.update("insert into notification (dedup_key, order_id, type, subject, body, status, attempts, "
                + "next_attempt_at, created_at, sent_at) values (?, 'ORD-1', 'SHIPPED', 's', 'b', ?, 1, ?, ?, ?)",
                key, status, NOW.minusDays(60), NOW.minusDays(60), sentAt);
    }

    private void deadLetter(String reference, String status, OffsetDateTime receivedAt, OffsetDateTime replayedAt) {
        jdbc.update("insert into dead_letter (source, reference, payload, reason, status, received_at, replayed_at) "
                + "values ('inventory-file', ?, '{}', 'bad row', ?, ?, ?)", reference, status, receivedAt, replayedAt);
    }
}
