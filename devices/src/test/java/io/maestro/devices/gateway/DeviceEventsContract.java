package io.maestro.devices.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryPositionChanged;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerEntry;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.devices.mqtt.MqttPlaceholders;
import io.maestro.devices.simulator.DevicePublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Device messages published to the real embedded broker, through the device route into the real ledger: run on
 * H2 and on PostgreSQL. Node DC-BKN, SKUs TSHIRT-BLK-M and SHOE-RUN-42 (core's test data).
 */
@Import(DeviceEventsContract.Events.class)
abstract class DeviceEventsContract {

    private static final String NODE = "DC-BKN";
    private static final String SKU = "TSHIRT-BLK-M";

    @Autowired MqttPlaceholders mqtt;
    @Autowired InventoryQueries inventory;
    @Autowired InventoryLedger ledger;
    @Autowired DeadLetters deadLetters;
    @Autowired CountSequences sequences;
    @Autowired DeviceMessageIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Events events;

    private DevicePublisher device;

    @BeforeEach
    void seed() {
        jdbc.update("delete from device_stale_count");
        jdbc.update("delete from device_count_sequence");
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        events.changes.clear();
        events.applied.clear();
        device = new DevicePublisher(mqtt.brokerUrl(), null);
    }

    @AfterEach
    void disconnect() {
        device.close();
    }

    @Test
    void eachEventTypeMovesTheLedger() {
        publish("rfid-count", "{\"eventId\":\"c-1\",\"sequence\":1,\"timestamp\":\"2026-11-27T09:00:00Z\",\"sku\":\"" + SKU
                + "\",\"count\":40}");
        awaitOnHand(SKU, 40);
        publish("receipt", movement("r-1", 2, SKU, 5));
        publish("pick", movement("p-1", 3, SKU, 3));
        publish("shrink", movement("s-1", 4, SKU, 2));

        awaitApplied(4);
        assertThat(onHand(SKU)).isEqualTo(40);
        assertThat(ledger.entries(NODE, SKU)).extracting(LedgerEntry::sourceEventId, LedgerEntry::onHandDelta)
                .containsExactlyInAnyOrder(tuple("device:DC-BKN:HH-1:c-1", 40L), tuple("device:DC-BKN:HH-1:r-1", 5L),
                        tuple("device:DC-BKN:HH-1:p-1", -3L), tuple("device:DC-BKN:HH-1:s-1", -2L));
    }

    @Test
    void aRedeliveredEventChangesNothingButTheSameIdFromAnotherDeviceIsItsOwnEvent() {
        publish("receipt", movement("r-7", 1, SKU, 5));
        publish("receipt", movement("r-7", 1, SKU, 5));
        device.publish("maestro/nodes/DC-BKN/devices/HH-2/receipt", movement("r-7", 1, SKU, 5));

        awaitApplied(3);
        assertThat(events.applied).extracting(DeviceEventApplied::outcome)
                .containsExactlyInAnyOrder(DeviceEventOutcome.APPLIED, DeviceEventOutcome.DUPLICATE, DeviceEventOutcome.APPLIED);
        assertThat(ledger.entries(NODE, SKU)).hasSize(2);
        assertThat(onHand(SKU)).isEqualTo(10);
    }

    @Test
    void aCountOlderThanTheLastAppliedOneIsSetAsideWhileDeltasApplyInAnyOrder() {
        publish("rfid-count", count("c-5", 5, SKU, 10));
        publish("rfid-count", count("c-3", 3, SKU, 99));
        awaitApplied(2);
        publish("pick", movement("p-9", 9, SKU, 1));
        publish("receipt", movement("r-8", 8, SKU, 4));

        awaitApplied(4);
        assertThat(events.applied).extracting(DeviceEventApplied::outcome).containsExactly(DeviceEventOutcome.APPLIED,
                DeviceEventOutcome.STALE, DeviceEventOutcome.APPLIED, DeviceEventOutcome.APPLIED);
        assertThat(onHand(SKU)).isEqualTo(13);
        assertThat(sequences.staleCounts(NODE, "HH-1")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select counted from device_stale_count", Long.class)).isEqualTo(99);
    }

    @Test
    void anEventForAnUnknownSkuIsDeadLetteredAndTakenWhenReplayedAfterTheSkuExists() {
        publish("receipt", movement("r-1", 1, "HAT-RED", 6));

        DeadLetter letter = awaitDeadLetter();
        assertThat(letter.reference()).isEqualTo("maestro/nodes/DC-BKN/devices/HH-1/receipt");
        assertThat(letter.reason()).isEqualTo("sku: unknown SKU HAT-RED at node DC-BKN");
        assertThat(onHand("HAT-RED")).isZero();

        catalog.save(TestData.sku("HAT-RED"));
        assertThat(deadLetters.replay(letter.id(), "olivia").status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(onHand("HAT-RED")).isEqualTo(6);
    }

    @Test
    void anEventForAnUnknownNodeIsDeadLetteredAndAReplayThatStillFailsKeepsItOpen() {
        device.publish("maestro/nodes/DC-NOWHERE/devices/HH-1/pick", movement("p-1", 1, SKU, 1));

        DeadLetter letter = awaitDeadLetter();
        assertThat(letter.reason()).isEqualTo("topic nodeId: unknown node DC-NOWHERE");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> deadLetters.replay(letter.id(), "olivia")))
                .hasMessageContaining("unknown node DC-NOWHERE");
        assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.OPEN);
    }

    @Test
    void malformedMessagesAreDeadLetteredWithTheirReasonAndTheRouteGoesOn() {
        publish("receipt", "{\"eventId\":\"r-1\",\"sequence\":1,");
        publish("pick", "{\"eventId\":\"p-1\",\"sequence\":\"one\",\"timestamp\":\"2026-11-27T09:00:00Z\",\"sku\":\"" + SKU
                + "\",\"quantity\":1}");
        device.publish("maestro/nodes/DC-BKN/devices/HH-1/teleport", movement("t-1", 1, SKU, 1));
        publish("receipt", movement("r-2", 2, SKU, 3));

        awaitApplied(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> open().size() == 3);
        assertThat(open()).extracting(DeadLetter::reason).satisfiesExactly(
                truncated -> assertThat(truncated).startsWith("payload: malformed JSON at line 1, column 31: Unexpected end-of-input"),
                wrongType -> assertThat(wrongType).isEqualTo("sequence: must be a whole number, not \"one\""),
                unknownType -> assertThat(unknownType).isEqualTo(
                "topic eventType: unknown event type 'teleport', expected one of rfid-count, receipt, pick, shrink"));
        assertThat(onHand(SKU)).isEqualTo(3);
    }

    @Test
    void aPickBelowWhatIsReservedIsRecordedAndReportedAsAShortfall() {
        publish("rfid-count", count("c-1", 1, SKU, 5));
        awaitOnHand(SKU, 5);
        ledger.reserve("WEB", List.of(new ReservationRequest("ORD-1-1", "ORD-1", 1, NODE, SKU, 4)), "test");
        events.changes.clear();

        publish("pick", movement("p-1", 2, SKU, 3));

        awaitOnHand(SKU, 2);
        InventoryPosition position = inventory.position(NODE, SKU).orElseThrow();
        assertThat(position.reserved()).isEqualTo(4);
        assertThat(events.changes).singleElement().satisfies(change -> assertThat(change.becameShort()).isTrue());
    }

    @Test
    void aLossOfMoreThanIsOnHandIsDeadLetteredNotDrivenBelowZero() {
        publish("receipt", movement("r-1", 1, SKU, 2));
        publish("shrink", movement("s-1", 2, SKU, 5));

        DeadLetter letter = awaitDeadLetter();
        assertThat(letter.reason()).contains("onHand never goes below 0");
        assertThat(onHand(SKU)).isEqualTo(2);
    }

    @Test
    void aBatchTakesARedeliveryAndAnEventTwiceInItOnceEach() {
        intake.receive(message("receipt", movement("r-1", 1, SKU, 5)));

        List<DeviceEventOutcome> outcomes = intake.receiveAll(List.of(message("receipt", movement("r-1", 1, SKU, 5)),
                message("receipt", movement("r-2", 2, SKU, 3)), message("receipt", movement("r-2", 2, SKU, 3))));

        assertThat(outcomes).containsExactly(DeviceEventOutcome.DUPLICATE, DeviceEventOutcome.APPLIED, DeviceEventOutcome.DUPLICATE);
        assertThat(onHand(SKU)).isEqualTo(8);
        assertThat(ledger.entries(NODE, SKU)).hasSize(2);
    }

    @Test
    void anEventIdSentAgainForAnotherQuantityIsDeadLetteredAndTheRestOfItsBatchApplied() {
        intake.receive(message("receipt", movement("r-1", 1, SKU, 5)));

        List<DeviceEventOutcome> outcomes = intake.receiveAll(List.of(message("receipt", movement("r-1", 1, SKU, 6)),
                message("receipt", movement("r-2", 2, SKU, 3))));

        assertThat(outcomes).containsExactly(DeviceEventOutcome.DEAD_LETTERED, DeviceEventOutcome.APPLIED);
        assertThat(onHand(SKU)).isEqualTo(8);
        assertThat(deadLetters.list(null, DeadLetterStatus.OPEN, 0, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("was already used for a different adjustment"));
    }

    @Test
    void aBatchDeadLettersOnlyWhatItCannotTakeAndAppliesTheRestInOrder() {
        List<DeviceEventOutcome> outcomes = intake.receiveAll(List.of(
                message("rfid-count", count("c-1", 1, SKU, 5)),
                message("shrink", movement("s-1", 2, SKU, 8)),
                message("pick", movement("p-1", 3, SKU, 2)),
                message("receipt", "{\"eventId\":\"r-1\","),
                message("receipt", movement("r-2", 4, "HAT-RED", 1)),
                message("receipt", movement("r-3", 5, SKU, 4))));

        assertThat(outcomes).containsExactly(DeviceEventOutcome.APPLIED, DeviceEventOutcome.DEAD_LETTERED,
                DeviceEventOutcome.APPLIED, DeviceEventOutcome.DEAD_LETTERED, DeviceEventOutcome.DEAD_LETTERED,
                DeviceEventOutcome.APPLIED);
        assertThat(onHand(SKU)).isEqualTo(7);
        assertThat(open()).extracting(DeadLetter::reason).satisfiesExactlyInAnyOrder(
                loss -> assertThat(loss).contains("from 5 to -3; onHand never goes below 0"),
                malformed -> assertThat(malformed).startsWith("payload: malformed JSON at line 1"),
                unknownSku -> assertThat(unknownSku).isEqualTo("sku: unknown SKU HAT-RED at node DC-BKN"));
    }

    @Test
    void aBatchSetsAStaleCountAsideAndKeepsTheOrderOfCountsAndDeltas() {
        List<DeviceEventOutcome> outcomes = intake.receiveAll(List.of(
                message("rfid-count", count("c-5", 5, SKU, 10)),
                message("rfid-count", count("c-3", 3, SKU, 50)),
                message("pick", movement("p-6", 6, SKU, 1)),
                message("rfid-count", count("c-7", 7, SKU, 20)),
                message("pick", movement("p-8", 8, SKU, 2))));

        assertThat(outcomes).containsExactly(DeviceEventOutcome.APPLIED, DeviceEventOutcome.STALE, DeviceEventOutcome.APPLIED,
                DeviceEventOutcome.APPLIED, DeviceEventOutcome.APPLIED);
        assertThat(onHand(SKU)).isEqualTo(18);
        assertThat(sequences.staleCounts(NODE, "HH-1")).isEqualTo(1);
        assertThat(events.changes).hasSize(4);
    }

    private static DeviceMessage message(String eventType, String payload) {
        return new DeviceMessage("maestro/nodes/" + NODE + "/devices/HH-1/" + eventType, payload);
    }

    private void publish(String eventType, String payload) {
        device.publish("maestro/nodes/" + NODE + "/devices/HH-1/" + eventType, payload);
    }

    static String movement(String eventId, long sequence, String sku, long quantity) {
        return "{\"eventId\":\"" + eventId + "\",\"sequence\":" + sequence + ",\"timestamp\":\"2026-11-27T09:00:00Z\","
                + "\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    static String count(String eventId, long sequence, String sku, long count) {
        return "{\"eventId\":\"" + eventId + "\",\"sequence\":" + sequence + ",\"timestamp\":\"2026-11-27T09:00:00Z\","
                + "\"sku\":\"" + sku + "\",\"count\":" + count + "}";
    }

    private long onHand(String sku) {
        return inventory.position(NODE, sku).map(InventoryPosition::onHand).orElse(0L);
    }

    private void awaitOnHand(String sku, long expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> onHand(sku) == expected);
    }

    private void awaitApplied(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.applied.size() >= n);
    }

    private DeadLetter awaitDeadLetter() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !open().isEmpty());
        return open().get(0);
    }

    private List<DeadLetter> open() {
        return deadLetters.list(DeviceMessageIntake.DEAD_LETTER_SOURCE, DeadLetterStatus.OPEN, 0, 50);
    }

    /**
     * Records what the tests' contexts publish. A plain class the contract imports, not a configuration: the
     * gateway package is component-scanned, and a configuration here would join every context that scans it (the
     * benchmark's too, where its growing lists cost more than the ledger).
     */
    static class Events {
        final List<InventoryPositionChanged> changes = new CopyOnWriteArrayList<>();
        final List<DeviceEventApplied> applied = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(InventoryPositionChanged change) {
            changes.add(change);
        }

        @TransactionalEventListener
        void on(DeviceEventApplied event) {
            applied.add(event);
        }
    }
}
