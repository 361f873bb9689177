package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.db.Database;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.ReplenishmentRequest;
import io.maestro.core.replenishment.ProposalStatus;
import io.maestro.core.replenishment.PurchaseOrder;
import io.maestro.core.replenishment.PurchaseOrderStatus;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.integrations.erp.ErpWebhookSecret;
import io.maestro.routes.testing.PartnersTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A purchase order through the ERP route to the sandbox ERP over real HTTP, which later confirms its receipt to
 * Maestro's signed webhook: the units go into the ledger once, the order is no longer on order.
 */
class PurchaseOrderReceiptTest extends PartnersTest {

    @Autowired ErpGateway erp;
    @Autowired ReplenishmentProposals proposals;
    @Autowired PurchaseOrders purchaseOrders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired ErpWebhookSecret secret;
    @Autowired Database db;
    @Autowired DeadLetters deadLetters;

    @BeforeEach
    void noPurchaseOrders() {
        jdbc.update("delete from purchase_order");
        jdbc.update("delete from replenishment_proposal");
        jdbc.update("delete from dead_letter where source = 'erp-receipt'");
        ledger.adjust(new Adjustment("count-po", "DC-BKN", "TSHIRT-BLK-M", null, 5L, null, "count"), "test");
    }

    @Test
    void theErpTakesTheOrderOnceAndItsReceiptPutsTheUnitsIntoTheLedgerOnce() {
        PurchaseOrder order = approvedOrder("RP-R1-" + System.nanoTime(), 24);
        ReplenishmentRequest request = new ReplenishmentRequest(order.requestId(), "DC-BKN", "TSHIRT-BLK-M", 24, "test");

        erp.requestReplenishment(request);
        erp.requestReplenishment(request);
        purchaseOrders.acknowledge(order.requestId());
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).containsEntry("TSHIRT-BLK-M", 24L);

        eventually("the sandbox ERP's receipt", () -> purchaseOrders.get(order.requestId()).status()
                == PurchaseOrderStatus.RECEIVED);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(29);
        assertThat(purchaseOrders.get(order.requestId()).receiptEventId()).isEqualTo("receipt-" + order.requestId());
        assertThat(purchaseOrders.onOrderAt("DC-BKN")).isEmpty();
        assertThat(ledger.entries("DC-BKN", "TSHIRT-BLK-M")).filteredOn(e -> e.reason().startsWith("PURCHASE_ORDER_RECEIPT"))
                .singleElement().satisfies(e -> assertThat(e.onHandDelta()).isEqualTo(24));

        String again = "{\"eventId\": \"receipt-" + order.requestId() + "\", \"requestId\": \"" + order.requestId()
                + "\", \"quantity\": 24}";
        HttpResponse<String> repeat = signedPost("/api/partners/erp/receipts", secret.value(), again);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).contains("\"status\":\"duplicate\"");
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(29);

        HttpResponse<String> second = signedPost("/api/partners/erp/receipts", secret.value(),
                again.replace("\"eventId\": \"receipt-", "\"eventId\": \"other-"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(29);
    }

    @Test
    void aReceiptWithoutTheErpsSignatureOrWithBadFieldsIsRefused() {
        String body = "{\"eventId\": \"r-1\", \"requestId\": \"PO-NONE\", \"quantity\": 1}";

        assertThat(post("/api/partners/erp/receipts", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/partners/erp/receipts", body, "sha256=00").statusCode()).isEqualTo(401);

        HttpResponse<String> unknown = signedPost("/api/partners/erp/receipts", secret.value(), body);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"requestId\"");

        HttpResponse<String> bad = signedPost("/api/partners/erp/receipts", secret.value(),
                "{\"eventId\": \"r-2\", \"requestId\": \"PO-NONE\", \"quantity\": 1.5}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"quantity\"");
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where source = 'erp-receipt'", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aRefusedReceiptIsReplayedFromItsDeadLetterOnceItsCauseIsFixed() {
        PurchaseOrder order = approvedOrder("RP-R3-" + System.nanoTime(), 6);
        String early = "{\"eventId\": \"r-3\", \"requestId\": \"" + order.requestId() + "-TYPO\", \"quantity\": 6}";
        assertThat(signedPost("/api/partners/erp/receipts", secret.value(), early).statusCode()).isEqualTo(422);
        long id = deadLetters.list("erp-receipt", DeadLetterStatus.OPEN, 0, 10).get(0).id();

        assertThatThrownBy(() -> deadLetters.replay(id, "operator")).isInstanceOf(InvalidRequestException.class);
        assertThat(deadLetters.find(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(deadLetters.find(id).orElseThrow().replayNote()).contains("failed").contains("requestId");

        long fixed = deadLetters.record("erp-receipt", "erp", early.replace("-TYPO", ""), "typo fixed by the ERP team");
        assertThat(deadLetters.replay(fixed, "operator").status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(purchaseOrders.get(order.requestId()).status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(inventory.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(11);
    }

    private PurchaseOrder approvedOrder(String proposalId, long quantity) {
        ReplenishmentPolicy policy = new ReplenishmentPolicy(true, 7, 7, 0.95, 12, 12, 120, "DC");
        proposals.save(new ReplenishmentProposal(proposalId, "RUN-T", "DC-BKN", "TSHIRT-BLK-M", 5, 0, 0, 20.0, "SES",
                "A", policy, 29, quantity, null, "test", ProposalStatus.PROPOSED, null, null, db.now(), null));
        proposals.autoApprove(proposalId);
        return purchaseOrders.place(proposalId);
    }
}
