package io.maestro.core.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.StateConflictException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On H2 and on PostgreSQL: proposals decided once; purchase orders on order until the ERP's receipt puts the units
 * into the ledger, once.
 */
abstract class PurchaseOrdersContract {

    @Autowired ReplenishmentProposals proposals;
    @Autowired PurchaseOrders purchaseOrders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Database db;

    @BeforeEach
    void aDcWithTwentyShirts() {
        jdbc.update("delete from purchase_order");
        jdbc.update("delete from replenishment_proposal");
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("stock-1", "DC-BKN", "TSHIRT-BLK-M", 20L, null, null, "count"), "test");
    }

    @Test
    void anAutoApprovedProposalIsOnOrderUntilItsReceiptIsInTheLedgerOnce() {
        proposals.save(proposal("RP-1", 24, 120));
        proposals.autoApprove("RP-1");

        PurchaseOrder placed = purchaseOrders.place("RP-1");
        assertThat(purchaseOrders.place("RP-1")).isEqualTo(placed);
        assertThat(placed.requestId()).isEqualTo("PO-RP-1");
        assertThat(placed.quantity()).isEqualTo(24);
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).containsExactlyEntriesOf(java.util.Map.of("TSHIRT-BLK-M", 24L));

        purchaseOrders.acknowledge("PO-RP-1");
        assertThat(purchaseOrders.get("PO-RP-1").status()).isEqualTo(PurchaseOrderStatus.ACKNOWLEDGED);

        PurchaseOrders.Received first = purchaseOrders.receive(new PurchaseOrderReceipt("erp-rcpt-1", "PO-RP-1", 24L));
        PurchaseOrders.Received again = purchaseOrders.receive(new PurchaseOrderReceipt("erp-rcpt-1", "PO-RP-1", 24L));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(first.order().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(44);
        assertThat(ledger.entries("DC-BKN", "TSHIRT-BLK-M")).filteredOn(e -> "erp-rcpt-1".equals(e.sourceEventId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.onHandDelta()).isEqualTo(24);
                    assertThat(e.reason()).isEqualTo("PURCHASE_ORDER_RECEIPT PO-RP-1");
                });
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).isEmpty();
        assertThat(purchaseOrders.list("DC-BKN", "TSHIRT-BLK-M", true, 10)).isEmpty();
        assertThat(purchaseOrders.list("DC-BKN", "TSHIRT-BLK-M", false, 10)).hasSize(1);
    }

    @Test
    void aSecondReceiptUnderAnotherEventIdIsAConflictAndChangesNothing() {
        proposals.save(proposal("RP-2", 12, 120));
        proposals.autoApprove("RP-2");
        purchaseOrders.place("RP-2");
        purchaseOrders.receive(new PurchaseOrderReceipt("erp-rcpt-2", "PO-RP-2", 12L));

        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("erp-rcpt-3", "PO-RP-2", 12L)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("erp-rcpt-2");
        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("erp-rcpt-2", "PO-RP-2", 11L)))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("x", "PO-NONE", 0L)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("x", "PO-NONE", 1L)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("requestId");
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(32);
    }

    @Test
    void aPartialReceiptLeavesTheRestOnOrderUntilTheOrderIsFullyReceivedOrItsRestWithdrawn() {
        proposals.save(proposal("RP-5", 24, 120));
        proposals.autoApprove("RP-5");
        purchaseOrders.place("RP-5");
        purchaseOrders.acknowledge("PO-RP-5");

        PurchaseOrders.Received part = purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-1", "PO-RP-5", 10L));
        assertThat(part.order().status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
        assertThat(part.order().received()).isEqualTo(10);
        assertThat(part.order().onOrder()).isEqualTo(14);
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).containsExactlyEntriesOf(java.util.Map.of("TSHIRT-BLK-M", 14L));
        assertThat(purchaseOrders.list("DC-BKN", "TSHIRT-BLK-M", true, 10)).hasSize(1);
        assertThat(purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-1", "PO-RP-5", 10L)).duplicate()).isTrue();
        assertThat(purchaseOrders.get("PO-RP-5").received()).isEqualTo(10);

        PurchaseOrders.Received rest = purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-2", "PO-RP-5", 14L));
        assertThat(rest.order().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(rest.order().received()).isEqualTo(24);
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).isEmpty();
        assertThat(purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-1", "PO-RP-5", 10L)).duplicate())
                .as("an earlier receipt again").isTrue();
        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-3", "PO-RP-5", 1L)))
                .isInstanceOf(StateConflictException.class);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(44);

        proposals.save(proposal("RP-6", 24, 120));
        proposals.autoApprove("RP-6");
        purchaseOrders.place("RP-6");
        purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-4", "PO-RP-6", 6L));
        purchaseOrders.withdraw("PO-RP-6");
        assertThat(purchaseOrders.get("PO-RP-6").status()).isEqualTo(PurchaseOrderStatus.WITHDRAWN);
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).isEmpty();
        assertThatThrownBy(() -> purchaseOrders.receive(new PurchaseOrderReceipt("erp-part-5", "PO-RP-6", 18L)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void anAnalystDecidesOnceAndOnlyAnApprovedProposalIsOrdered() {
        proposals.save(proposal("RP-3", 240, 120));
        assertThatThrownBy(() -> proposals.autoApprove("RP-3")).isInstanceOf(StateConflictException.class);

        ReplenishmentProposal edited = proposals.decide("RP-3", ProposalStatus.APPROVED, 180L, "analyst", "half a pallet less");
        assertThat(proposals.decide("RP-3", ProposalStatus.APPROVED, 180L, "analyst", "again")).isEqualTo(edited);
        assertThatThrownBy(() -> proposals.decide("RP-3", ProposalStatus.REJECTED, null, "analyst", "no"))
                .isInstanceOf(StateConflictException.class);
        assertThat(edited.approvedQuantity()).isEqualTo(180);
        assertThat(edited.decidedBy()).isEqualTo("analyst");
        assertThat(purchaseOrders.place("RP-3").quantity()).isEqualTo(180);

        proposals.save(proposal("RP-4", 240, 120));
        proposals.decide("RP-4", ProposalStatus.REJECTED, null, "analyst", "season over");
        assertThatThrownBy(() -> purchaseOrders.place("RP-4")).isInstanceOf(StateConflictException.class);
    }

    private ReplenishmentProposal proposal(String id, long quantity, int autoApproveUnits) {
        ReplenishmentPolicy policy = new ReplenishmentPolicy(true, 7, 7, 0.95, 12, 12, autoApproveUnits, "DC");
        return new ReplenishmentProposal(id, "run-1", "DC-BKN", "TSHIRT-BLK-M", 20, 0, 0, 30.0, "SES", "B", policy, 44,
                quantity, null, "below the order-up-to level", ProposalStatus.PROPOSED, null, null, db.now(), null);
    }
}
