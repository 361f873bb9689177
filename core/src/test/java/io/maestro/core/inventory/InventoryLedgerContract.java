package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's rules, run on H2 and on PostgreSQL: both must behave the same to the unit. */
abstract class InventoryLedgerContract {

    private static final String BKN = "DC-BKN";
    private static final String OLEAN = "DC-OLEAN";
    private static final String TSHIRT = "TSHIRT-BLK-M";

    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries queries;
    @Autowired ChannelProtections protections;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
    }

    @Test
    void receiptAddsToOnHandAndWritesOneLedgerEntry() {
        AdjustmentResult result = ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt PO-1"), "wms");

        assertThat(result.duplicate()).isFalse();
        assertThat(result.position()).isEqualTo(new InventoryPosition(BKN, TSHIRT, 12, 0, 0));
        assertThat(ledger.entries(BKN, TSHIRT)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LedgerEntryType.ADJUSTMENT);
            assertThat(e.onHandDelta()).isEqualTo(12);
            assertThat(e.sourceEventId()).isEqualTo("ev-1");
            assertThat(e.reason()).isEqualTo("receipt PO-1");
            assertThat(e.actor()).isEqualTo("wms");
        });
    }

    @Test
    void theSameEventIdTwiceChangesNothingTheSecondTime() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"), "wms");
        AdjustmentResult again = ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"), "wms");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.position().onHand()).isEqualTo(12);
        assertThat(ledger.entries(BKN, TSHIRT)).hasSize(1);
    }

    @Test
    void anEventIdReusedForAnotherChangeIsRefusedNamingItAndChangesNothing() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"), "wms");

        assertThatThrownBy(() -> ledger.adjust(new Adjustment("ev-1", BKN, "SHOE-RUN-42", 12L, null, null, "receipt"), "wms"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("eventId");
                    assertThat(e.getMessage()).isEqualTo("eventId ev-1 was already used for a different adjustment");
                });
        assertThatThrownBy(() -> ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, null, 12L, null, "receipt"), "wms"))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt, sent again"), "wms")
                .duplicate()).as("the reason is a note, not the change").isTrue();
        assertThat(queries.position(BKN, "SHOE-RUN-42")).isEmpty();
        assertThat(ledger.entries(BKN, TSHIRT)).hasSize(1);
    }

    @Test
    void anEventIdRememberedBeforeContentHashesWereKeptIsARepeat() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"), "wms");
        jdbc.update("update processed_event set content_hash = null where event_id = 'ev-1'");

        assertThat(ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 5L, null, null, "receipt"), "wms").duplicate()).isTrue();
        assertThat(ledger.entries(BKN, TSHIRT)).hasSize(1);
    }

    @Test
    void countSetsOnHandAsTheDifference() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"), "wms");
        AdjustmentResult counted = ledger.adjust(new Adjustment("ev-2", BKN, TSHIRT, null, 7L, 2L, "cycle count"), "rfid");

        assertThat(counted.position()).isEqualTo(new InventoryPosition(BKN, TSHIRT, 7, 0, 2));
        assertThat(ledger.entries(BKN, TSHIRT)).extracting(LedgerEntry::type, LedgerEntry::onHandDelta, LedgerEntry::safetyStockDelta)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerEntryType.ADJUSTMENT, 12L, 0L),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntryType.COUNT, -5L, 0L),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntryType.SAFETY_STOCK, 0L, 2L));
    }

    @Test
    void aLossBelowZeroIsRefusedAndWritesNothing() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 3L, null, null, "receipt"), "wms");

        assertThatThrownBy(() -> ledger.adjust(new Adjustment("ev-2", BKN, TSHIRT, -5L, null, null, "shrink"), "wms"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("from 3 to -2");
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().onHand()).isEqualTo(3);
        assertThat(ledger.adjust(new Adjustment("ev-2", BKN, TSHIRT, -1L, null, null, "shrink"), "wms").duplicate())
                .as("the refused event id was not remembered").isFalse();
    }

    @Test
    void aBatchAppliesInItsOrderEachEventOnceWithItsOwnActor() {
        ledger.adjust(new Adjustment("ev-0", BKN, TSHIRT, 5L, null, null, "receipt"), "wms");

        List<AdjustmentResult> results = ledger.adjustAll(List.of(
                new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt"),
                new Adjustment("ev-0", BKN, TSHIRT, 5L, null, null, "receipt again"),
                new Adjustment("ev-2", BKN, TSHIRT, null, 7L, null, "count"),
                new Adjustment("ev-1", BKN, TSHIRT, 12L, null, null, "receipt twice in the batch"),
                new Adjustment("ev-3", OLEAN, TSHIRT, 4L, null, null, "receipt"),
                new Adjustment("ev-4", BKN, TSHIRT, -2L, null, null, "pick")),
                a -> a.nodeId().equals(OLEAN) ? "scanner" : "rfid");

        assertThat(results).extracting(AdjustmentResult::eventId, AdjustmentResult::duplicate, r -> r.position().onHand())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ev-1", false, 17L),
                        org.assertj.core.groups.Tuple.tuple("ev-0", true, 17L),
                        org.assertj.core.groups.Tuple.tuple("ev-2", false, 7L),
                        org.assertj.core.groups.Tuple.tuple("ev-1", true, 7L),
                        org.assertj.core.groups.Tuple.tuple("ev-3", false, 4L),
                        org.assertj.core.groups.Tuple.tuple("ev-4", false, 5L));
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().onHand()).isEqualTo(5);
        assertThat(queries.position(OLEAN, TSHIRT).orElseThrow().onHand()).isEqualTo(4);
        assertThat(ledger.entries(BKN, TSHIRT)).extracting(LedgerEntry::sourceEventId, LedgerEntry::type, LedgerEntry::onHandDelta,
                        LedgerEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ev-0", LedgerEntryType.ADJUSTMENT, 5L, "wms"),
                        org.assertj.core.groups.Tuple.tuple("ev-1", LedgerEntryType.ADJUSTMENT, 12L, "rfid"),
                        org.assertj.core.groups.Tuple.tuple("ev-2", LedgerEntryType.COUNT, -10L, "rfid"),
                        org.assertj.core.groups.Tuple.tuple("ev-4", LedgerEntryType.ADJUSTMENT, -2L, "rfid"));
        assertThat(ledger.entries(OLEAN, TSHIRT)).singleElement().extracting(LedgerEntry::actor).isEqualTo("scanner");
        assertThat(ledger.adjust(new Adjustment("ev-4", BKN, TSHIRT, -2L, null, null, "pick"), "rfid").duplicate()).isTrue();
    }

    @Test
    void aBatchReusingAnEventIdForAnotherChangeIsRefusedWholeAndWritesNothing() {
        ledger.adjust(new Adjustment("ev-0", BKN, TSHIRT, 3L, null, null, "receipt"), "wms");

        assertThatThrownBy(() -> ledger.adjustAll(List.of(
                new Adjustment("ev-1", BKN, TSHIRT, 2L, null, null, "receipt"),
                new Adjustment("ev-0", OLEAN, TSHIRT, 3L, null, null, "receipt")), a -> "rfid"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.field()).isEqualTo("eventId"));
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().onHand()).isEqualTo(3);
        assertThat(queries.position(OLEAN, TSHIRT)).isEmpty();
    }

    @Test
    void aBatchWithALossBelowZeroIsRefusedWholeAndWritesNothing() {
        ledger.adjust(new Adjustment("ev-0", BKN, TSHIRT, 3L, null, null, "receipt"), "wms");

        assertThatThrownBy(() -> ledger.adjustAll(List.of(
                new Adjustment("ev-1", BKN, TSHIRT, 2L, null, null, "receipt"),
                new Adjustment("ev-2", BKN, TSHIRT, -6L, null, null, "shrink")), a -> "rfid"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("from 5 to -1");
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().onHand()).isEqualTo(3);
        assertThat(ledger.entries(BKN, TSHIRT)).hasSize(1);
        assertThat(ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 2L, null, null, "receipt"), "rfid").duplicate())
                .as("the rolled back event ids were not remembered").isFalse();
    }

    @Test
    void unknownNodeAndSkuAreBothNamed() {
        assertThatThrownBy(() -> ledger.adjust(new Adjustment("ev-1", "DC-NOWHERE", "NO-SUCH", 1L, null, null, "x"), "wms"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(io.maestro.core.Violation::field).containsExactlyInAnyOrder("nodeId", "sku"));
    }

    @Test
    void reservationNeverTakesAtpBelowZeroAndIsAllOrNothing() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, null, 5L, 1L, "count"), "wms");
        ledger.adjust(new Adjustment("ev-2", OLEAN, TSHIRT, null, 2L, null, "count"), "wms");

        assertThatThrownBy(() -> ledger.reserve("WEB", List.of(
                new ReservationRequest("R-1", "ORD-1", 1, OLEAN, TSHIRT, 2),
                new ReservationRequest("R-2", "ORD-1", 2, BKN, TSHIRT, 5)), "allocator"))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.nodeId()).isEqualTo(BKN);
                    assertThat(e.available()).isEqualTo(4);
                });
        assertThat(queries.position(OLEAN, TSHIRT).orElseThrow().reserved()).as("first line rolled back").isZero();
        assertThat(ledger.reservation("R-1")).isEmpty();

        ledger.reserve("WEB", List.of(new ReservationRequest("R-2", "ORD-1", 2, BKN, TSHIRT, 4)), "allocator");
        assertThat(queries.availability(TSHIRT, "WEB").nodes()).filteredOn(n -> n.nodeId().equals(BKN)).singleElement()
                .satisfies(n -> {
                    assertThat(n.reserved()).isEqualTo(4);
                    assertThat(n.atp()).isZero();
                });
    }

    @Test
    void aRepeatedReservationIdReservesNothingMore() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ReservationRequest request = new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 3);

        ledger.reserve("WEB", List.of(request), "allocator");
        ledger.reserve("WEB", List.of(request), "allocator");

        assertThat(queries.position(BKN, TSHIRT).orElseThrow().reserved()).isEqualTo(3);
    }

    @Test
    void protectionsHoldStockBackFromOtherChannels() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        protections.set(TSHIRT, "WEB", new BigDecimal("20"));

        assertThat(queries.availability(TSHIRT, "WEB").atp()).isEqualTo(10);
        assertThat(queries.availability(TSHIRT, "MARKETPLACE").atp()).isEqualTo(8);
        assertThatThrownBy(() -> ledger.reserve("MARKETPLACE",
                List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 9)), "allocator"))
                .isInstanceOf(InsufficientStockException.class);
        ledger.reserve("WEB", List.of(new ReservationRequest("R-2", "ORD-2", 1, BKN, TSHIRT, 10)), "allocator");
        assertThat(queries.availability(TSHIRT, "WEB").atp()).isZero();
    }

    @Test
    void releaseGivesUnitsBackOnce() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 3)), "allocator");

        ledger.release("R-1", "order cancelled", "operator");
        ledger.release("R-1", "order cancelled", "operator");

        assertThat(queries.position(BKN, TSHIRT).orElseThrow()).isEqualTo(new InventoryPosition(BKN, TSHIRT, 10, 0, 0));
        assertThat(ledger.reservation("R-1").orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void shrinkGivesSomeUnitsBackAndKeepsTheRestReservedUnderTheSameId() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 3)), "allocator");

        ledger.shrink("R-1", 2, "line 1 cancelled", "operator");

        assertThat(queries.position(BKN, TSHIRT).orElseThrow()).isEqualTo(new InventoryPosition(BKN, TSHIRT, 10, 1, 0));
        assertThat(ledger.reservation("R-1").orElseThrow().quantity()).isEqualTo(1);
        assertThat(ledger.entries(BKN, TSHIRT)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LedgerEntryType.RELEASE);
            assertThat(e.reservedDelta()).isEqualTo(-2);
        });
        assertThatThrownBy(() -> ledger.shrink("R-1", 1, "all of it", "operator"))
                .isInstanceOf(InventoryConflictException.class);
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().reserved()).isEqualTo(1);
    }

    @Test
    void consumeTakesReservedUnitsOutOfStock() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 3)), "allocator");

        ledger.consume("R-1", "shipped", "wms");
        ledger.consume("R-1", "shipped", "wms");

        assertThat(queries.position(BKN, TSHIRT).orElseThrow()).isEqualTo(new InventoryPosition(BKN, TSHIRT, 7, 0, 0));
    }

    @Test
    void moveReservesAtTheNewNodeAndReleasesTheOld() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ledger.adjust(new Adjustment("ev-2", OLEAN, TSHIRT, 2L, null, null, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 3)), "allocator");

        assertThatThrownBy(() -> ledger.move("R-1", OLEAN, "WEB", "node rejected", "allocator"))
                .isInstanceOf(InsufficientStockException.class);
        ledger.adjust(new Adjustment("ev-3", OLEAN, TSHIRT, 1L, null, null, "receipt"), "wms");
        Reservation moved = ledger.move("R-1", OLEAN, "WEB", "node rejected", "allocator");

        assertThat(moved.nodeId()).isEqualTo(OLEAN);
        assertThat(queries.position(BKN, TSHIRT).orElseThrow().reserved()).isZero();
        assertThat(queries.position(OLEAN, TSHIRT).orElseThrow().reserved()).isEqualTo(3);
    }

    @Test
    void aCountBelowReservedMarksThePositionShort() {
        ledger.adjust(new Adjustment("ev-1", BKN, TSHIRT, 10L, null, null, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, BKN, TSHIRT, 6)), "allocator");

        AdjustmentResult counted = ledger.adjust(new Adjustment("ev-2", BKN, TSHIRT, null, 4L, null, "cycle count"), "rfid");

        assertThat(counted.position().isShort()).isTrue();
        assertThat(queries.availability(TSHIRT, "WEB").atp()).isZero();
        assertThatThrownBy(() -> ledger.consume("R-1", "shipped", "wms")).isInstanceOf(InventoryConflictException.class);
    }
}
