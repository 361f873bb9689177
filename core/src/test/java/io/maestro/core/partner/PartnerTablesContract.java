package io.maestro.core.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.PartnerEventReceived;
import io.maestro.core.inbox.PartnerEventStatus;
import io.maestro.core.inbox.StoredPartnerEvent;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.notify.NotificationRequest;
import io.maestro.core.notify.NotificationStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.ShipmentRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** Partner inbox, notification outbox and dead letters, run on H2 and on PostgreSQL. */
@Import(PartnerTablesContract.Listeners.class)
abstract class PartnerTablesContract {

    @Autowired PartnerEventInbox inbox;
    @Autowired NotificationOutbox outbox;
    @Autowired DeadLetters deadLetters;
    @Autowired Listeners listeners;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        DomainTables.empty(jdbc);
        listeners.received.clear();
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-1", "ORD-1-1-1");
        ShipmentRows.insert(jdbc, "DC-BKN", "ORD-2", "ORD-2-1-1");
    }

    @Test
    void aPartnerEventIsKeptOnceAndAnnounced() {
        PartnerEvent accepted = new PartnerEvent("wms-DC-BKN", "evt-1", "ShipmentAccepted", "ORD-1", "ORD-1-1-1",
                Map.of("picker", "amy"), null);

        assertThat(inbox.receive(accepted)).isTrue();
        assertThat(inbox.receive(accepted)).isFalse();

        List<StoredPartnerEvent> stored = inbox.ofOrder("ORD-1");
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.event().type()).isEqualTo("ShipmentAccepted");
            assertThat(e.event().payload()).containsEntry("picker", "amy");
            assertThat(e.status()).isEqualTo(PartnerEventStatus.PENDING);
        });
        assertThat(listeners.received).containsExactly(stored.get(0).id());
        assertThat(inbox.due(10)).hasSize(1);
    }

    @Test
    void aPartnerEventThatNoProcessTakesFailsAfterItsAttemptsAndCanBeRetried() {
        inbox.receive(new PartnerEvent("carrier-SWIFT", "trk-9", "ShipmentDelivered", "ORD-2", "ORD-2-1-1", null, null));
        long id = inbox.ofOrder("ORD-2").get(0).id();

        assertThat(inbox.markAttemptFailed(id, "no process waits", Duration.ZERO, 2)).isEqualTo(PartnerEventStatus.PENDING);
        assertThat(inbox.markAttemptFailed(id, "no process waits", Duration.ZERO, 2)).isEqualTo(PartnerEventStatus.FAILED);
        assertThat(inbox.due(10)).isEmpty();
        assertThat(inbox.find(id).orElseThrow().lastError()).isEqualTo("no process waits");

        assertThat(inbox.retry(id)).isTrue();
        assertThat(inbox.due(10)).extracting(StoredPartnerEvent::id).containsExactly(id);
        inbox.markCorrelated(id);
        assertThat(inbox.find(id).orElseThrow().status()).isEqualTo(PartnerEventStatus.CORRELATED);
    }

    @Test
    void aPartnerEventForAShipmentThatDoesNotExistIsRefusedNamingIt() {
        assertThatThrownBy(() -> inbox.receiveFromPartner(new PartnerEvent("wms-DC-BKN", "evt-x", "ShipmentAccepted", "ORD-1", "ORD-1-9-9",
                null, null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("shipmentId").hasMessageContaining("ORD-1-9-9");
        assertThatThrownBy(() -> inbox.receiveFromPartner(new PartnerEvent("wms-DC-BKN", "evt-y", "ShipmentAccepted", "ORD-2", "ORD-1-1-1",
                null, null)))
                .as("a shipment of another order").isInstanceOf(InvalidRequestException.class);
        assertThat(inbox.ofOrder("ORD-1")).isEmpty();
        assertThat(inbox.receiveFromPartner(new PartnerEvent("wms-DC-BKN", "evt-z", "ShipmentAccepted", "ORD-1", "ORD-1-1-1",
                null, null))).as("a shipment that exists").isTrue();
    }

    @Test
    void eachPendingEventIsClaimedByOneNodeUntilItsLeaseRunsOut() {
        for (int i = 0; i < 4; i++) {
            inbox.receive(new PartnerEvent("wms-DC-BKN", "evt-" + i, "ShipmentAccepted", "ORD-1", "ORD-1-1-1", null, null));
        }

        List<StoredPartnerEvent> first = inbox.claim("node-a", 3, Duration.ofMinutes(1));
        List<StoredPartnerEvent> second = inbox.claim("node-b", 3, Duration.ofMinutes(1));

        assertThat(first).hasSize(3);
        assertThat(second).as("only what node-a did not take").hasSize(1)
                .extracting(StoredPartnerEvent::id).doesNotContainAnyElementsOf(first.stream().map(StoredPartnerEvent::id).toList());
        assertThat(inbox.claim("node-b", 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(inbox.claim(first.get(0).id(), "node-b", Duration.ofMinutes(1))).isEmpty();

        jdbc.update("update partner_event set claimed_until = ? where claimed_by = 'node-a'",
                OffsetDateTime.now().minusSeconds(1));
        assertThat(inbox.claim("node-b", 10, Duration.ofMinutes(1))).as("node-a died: its claims are taken over").hasSize(3);
    }

    @Test
    void anEventIsMarkedCorrelatedOnceAndAFailedAttemptEndsTheClaim() {
        inbox.receive(new PartnerEvent("wms-DC-BKN", "evt-1", "ShipmentAccepted", "ORD-1", "ORD-1-1-1", null, null));
        long id = inbox.claim("node-a", 1, Duration.ofMinutes(1)).get(0).id();

        inbox.markAttemptFailed(id, "no process waits", Duration.ZERO, 5);
        assertThat(inbox.claim("node-b", 1, Duration.ofMinutes(1))).as("the failed attempt let go of it").hasSize(1);

        inbox.markCorrelated(id);
        assertThatThrownBy(() -> inbox.markCorrelated(id)).as("a second hand-over rolls back")
                .isInstanceOf(IllegalStateException.class);
        assertThat(inbox.claim("node-a", 10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aPartnerEventWithoutItsKeysIsRefusedNamingThem() {
        assertThatThrownBy(() -> inbox.receive(new PartnerEvent(" ", null, "ShipmentAccepted", null, null, null, null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("source").hasMessageContaining("eventId").hasMessageContaining("orderId");
    }

    @Test
    void theSameFactIsNotifiedOnce() {
        NotificationRequest shipped = new NotificationRequest("ORD-3:SHIPPED:ORD-3-1-1", "ORD-3", "SHIPPED", "c@example.com",
                "Your order is on its way", "Tracking 1Z", Map.of("trackingNumber", "1Z"));

        assertThat(outbox.enqueue(shipped)).isTrue();
        assertThat(outbox.enqueue(shipped)).isFalse();

        long id = outbox.due(10).get(0).id();
        assertThat(outbox.markSent(id)).isTrue();
        assertThat(outbox.markSent(id)).isFalse();
        assertThat(outbox.ofOrder("ORD-3")).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(n.sentAt()).isNotNull();
        });
    }

    @Test
    void oneDelivererClaimsANotificationAndTheOthersSkipItUntilTheLeaseEnds() {
        outbox.enqueue(new NotificationRequest("ORD-5:SHIPPED", "ORD-5", "SHIPPED", "c@example.com", "Shipped", "b", null));
        long id = outbox.due(10).get(0).id();

        assertThat(outbox.claim(id, Duration.ofMinutes(1))).isTrue();
        assertThat(outbox.claim(id, Duration.ofMinutes(1))).isFalse();
        assertThat(outbox.due(10)).isEmpty();
        assertThat(outbox.markSent(id)).as("the claim leaves it pending for its deliverer").isTrue();
        assertThat(outbox.claim(id, Duration.ZERO)).isFalse();
    }

    @Test
    void aNotificationThatCannotBeDeliveredBecomesVisibleAsFailed() {
        outbox.enqueue(new NotificationRequest("ORD-4:CANCELLED", "ORD-4", "CANCELLED", "x@example.com", "Cancelled", "b", null));
        long id = outbox.due(10).get(0).id();

        outbox.markAttemptFailed(id, "SMTP 550", Duration.ofMinutes(5), 3);
        assertThat(outbox.due(10)).isEmpty();
        outbox.markAttemptFailed(id, "SMTP 550", Duration.ZERO, 3);
        outbox.markAttemptFailed(id, "SMTP 550", Duration.ZERO, 3);

        assertThat(outbox.withStatus(NotificationStatus.FAILED, 0, 10)).extracting(n -> n.lastError()).containsExactly("SMTP 550");
        assertThat(outbox.retry(id)).isTrue();
        assertThat(outbox.due(10)).hasSize(1);
    }

    @Test
    void aDeadLetterIsListedReplayedThroughItsHandlerOrDiscarded() {
        long bad = deadLetters.record("test-feed", "feed.csv line 3", "FAIL", "unknown node X");
        long good = deadLetters.record("test-feed", "feed.csv line 4", "OK", "unknown SKU Y");
        long other = deadLetters.record("other-feed", "topic a/b", "{}", "not JSON");

        assertThat(deadLetters.list("test-feed", DeadLetterStatus.OPEN, 0, 10)).extracting(DeadLetter::id).containsExactly(bad, good);

        assertThatThrownBy(() -> deadLetters.replay(bad, "olivia")).hasMessageContaining("still failing");
        assertThat(deadLetters.find(bad).orElseThrow().status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(deadLetters.find(bad).orElseThrow().replayNote()).contains("olivia").contains("still failing");

        assertThat(deadLetters.replay(good, "olivia").status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(listeners.replayed).contains("OK");
        assertThatThrownBy(() -> deadLetters.replay(good, "olivia")).isInstanceOf(InvalidRequestException.class);

        assertThatThrownBy(() -> deadLetters.replay(other, "olivia")).hasMessageContaining("no replay handler");
        assertThat(deadLetters.discard(other, "olivia", "test message").status()).isEqualTo(DeadLetterStatus.DISCARDED);
        assertThat(deadLetters.list(null, DeadLetterStatus.OPEN, 0, 10)).extracting(DeadLetter::id).containsExactly(bad);
    }

    @TestConfiguration
    static class Listeners {
        final List<Long> received = new ArrayList<>();
        final List<String> replayed = new ArrayList<>();

        @EventListener
        void on(PartnerEventReceived e) {
            received.add(e.id());
        }

        @Bean
        io.maestro.core.deadletter.DeadLetterHandler testFeed() {
            return new io.maestro.core.deadletter.DeadLetterHandler() {
                @Override
                public String source() {
                    return "test-feed";
                }

                @Override
                public void replay(String payload) {
                    if (payload.equals("FAIL")) {
                        throw new IllegalStateException("still failing");
                    }
                    replayed.add(payload);
                }
            };
        }
    }
}
