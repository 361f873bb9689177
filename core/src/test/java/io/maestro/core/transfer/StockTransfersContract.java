package io.maestro.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.StateConflictException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerEntry;
import io.maestro.core.inventory.LedgerEntryType;
import io.maestro.core.inventory.LedgerRebuild;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On H2 and on PostgreSQL: a transfer's units leave the source through the ledger, are in transit (in no position),
 * arrive at the destination through the ledger once per receipt event, and what never arrives is written off; every
 * status change is one of the allowed steps.
 */
abstract class StockTransfersContract {

    static final String SKU = "TSHIRT-BLK-M";

    @Autowired StockTransfers transfers;
    @Autowired TransferSteps steps;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired LedgerRebuild rebuild;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void twentyShirtsInBrooklyn() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("count-1", "DC-BKN", SKU, null, 20L, null, "count"), "test");
    }

    @Test
    void releasedUnitsAreInTransitUntilTheReceiptAndWhatDidNotArriveIsWrittenOff() {
        StockTransfer t = approve(12, null);
        assertThat(t.status()).isEqualTo(TransferStatus.REQUESTED);

        StockTransfer released = steps.release(t.transferId(), "test");
        assertThat(released.status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(released.inTransit()).isEqualTo(12);
        assertThat(onHand("DC-BKN")).isEqualTo(8);
        assertThat(onHand("ST-MAN")).isZero();
        assertThat(transfers.inTransit(SKU)).extracting(StockTransfer::transferId).containsExactly(t.transferId());
        assertThat(steps.release(t.transferId(), "test").released()).as("released once").isEqualTo(12);
        assertThat(onHand("DC-BKN")).isEqualTo(8);

        transfers.storeReceipt(t.transferId(), "wms-1", 9L, "wms");
        StockTransfer received = steps.receive(t.transferId(), "wms-1", "test");
        assertThat(received.status()).isEqualTo(TransferStatus.RECEIVED_SHORT);
        assertThat(received.received()).isEqualTo(9);
        assertThat(received.lost()).isEqualTo(3);
        assertThat(received.inTransit()).isZero();
        assertThat(steps.receive(t.transferId(), "wms-1", "test")).isEqualTo(received);
        assertThat(onHand("ST-MAN")).isEqualTo(9);
        assertThat(transfers.inTransit(SKU)).isEmpty();

        assertThat(ledger.entries("DC-BKN", SKU)).extracting(LedgerEntry::type, LedgerEntry::onHandDelta)
                .contains(org.assertj.core.groups.Tuple.tuple(LedgerEntryType.TRANSFER_OUT, -12L),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntryType.TRANSFER_LOSS, 0L));
        assertThat(ledger.entries("ST-MAN", SKU)).extracting(LedgerEntry::type, LedgerEntry::onHandDelta)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEntryType.TRANSFER_IN, 9L));
        assertThat(rebuild.differences()).isEmpty();
        assertThat(transfers.timeline(t.transferId())).extracting(TransferEvent::type).containsExactly(
                "TRANSFER_REQUESTED", "TRANSFER_RELEASED", "TRANSFER_RECEIVED", "TRANSFER_LOSS_WRITTEN_OFF");
    }

    @Test
    void aReceiptIsStoredOncePerEventIdAndATransferTakesOne() {
        StockTransfer t = approve(5, null);
        assertThatThrownBy(() -> transfers.storeReceipt(t.transferId(), "wms-1", 5L, "wms"))
                .as("not released yet").isInstanceOf(StateConflictException.class);
        steps.release(t.transferId(), "test");
        assertThatThrownBy(() -> transfers.storeReceipt(t.transferId(), "wms-1", 6L, "wms"))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(transfers.storeReceipt(t.transferId(), "wms-1", 5L, "wms").duplicate()).isFalse();
        assertThat(transfers.storeReceipt(t.transferId(), "wms-1", 5L, "wms").duplicate()).isTrue();
        assertThatThrownBy(() -> transfers.storeReceipt(t.transferId(), "wms-1", 4L, "wms"))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> transfers.storeReceipt(t.transferId(), "wms-2", 1L, "wms"))
                .isInstanceOf(StateConflictException.class);
        assertThat(steps.receive(t.transferId(), "wms-1", "test").status()).isEqualTo(TransferStatus.RECEIVED);
    }

    @Test
    void aPausedSourceOrOneWithoutTheUnitsRejectsAndNothingMoves() {
        StockTransfer paused = approve(5, null);
        network.setStatus("DC-BKN", NodeStatus.PAUSED);
        StockTransfer rejected = steps.release(paused.transferId(), "test");
        assertThat(rejected.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(rejected.reason()).contains("DC-BKN is PAUSED");
        network.setStatus("DC-BKN", NodeStatus.OPEN);

        StockTransfer late = approve(15, null);
        ledger.adjust(new Adjustment("loss-1", "DC-BKN", SKU, -10L, null, null, "damaged"), "test");
        StockTransfer short_ = steps.release(late.transferId(), "test");
        assertThat(short_.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(short_.reason()).contains("only 10 of the 15");
        assertThat(short_.released()).isZero();
        assertThat(onHand("DC-BKN")).isEqualTo(10);
        assertThatThrownBy(() -> steps.writeOff(late.transferId(), "test", null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anOverdueTransferIsWrittenOffOrWaitedFor() {
        StockTransfer t = approve(6, null);
        steps.release(t.transferId(), "test");
        assertThat(steps.overdue(t.transferId(), "test", "P3D").status()).isEqualTo(TransferStatus.OVERDUE);
        assertThat(steps.keepWaiting(t.transferId(), "analyst", "carrier says tomorrow").status())
                .isEqualTo(TransferStatus.IN_TRANSIT);
        steps.overdue(t.transferId(), "test", "P3D");

        StockTransfer lost = steps.writeOff(t.transferId(), "analyst", "truck never came");
        assertThat(lost.status()).isEqualTo(TransferStatus.LOST);
        assertThat(lost.lost()).isEqualTo(6);
        assertThat(lost.inTransit()).isZero();
        assertThat(onHand("DC-BKN")).isEqualTo(14);
        assertThat(ledger.entries("DC-BKN", SKU)).filteredOn(e -> e.type() == LedgerEntryType.TRANSFER_LOSS)
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("6 TSHIRT-BLK-M lost"));
        assertThatThrownBy(() -> steps.keepWaiting(t.transferId(), "analyst", null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aRequestIsCheckedAndItsIdempotencyKeyApprovesOnce() {
        assertThatThrownBy(() -> transfers.request(new TransferRequest("NO-SUCH", "DC-BKN", "DC-BKN", 0L, null), null, "a"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage())
                        .contains("sku", "toNodeId", "units"));
        assertThatThrownBy(() -> approve(21, null)).isInstanceOf(InsufficientStockException.class);

        StockTransfer first = approve(3, "key-1");
        StockTransfers.Requested again = transfers.request(new TransferRequest(SKU, "DC-BKN", "ST-MAN", 3L, "other note"),
                "key-1", "analyst");
        assertThat(again.created()).isFalse();
        assertThat(again.transfer().transferId()).isEqualTo(first.transferId());
        assertThatThrownBy(() -> approve(4, "key-1")).isInstanceOf(IdempotencyConflictException.class);
    }

    StockTransfer approve(long units, String key) {
        return transfers.request(new TransferRequest(SKU, "DC-BKN", "ST-MAN", units, "test"), key, "analyst").transfer();
    }

    long onHand(String node) {
        return inventory.position(node, SKU).map(InventoryPosition::onHand).orElse(0L);
    }
}
