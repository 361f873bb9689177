package io.maestro.processes.replenishment;

import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ReplenishmentRequest;
import io.maestro.core.replenishment.PurchaseOrder;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.processes.pickup.PartnerFailures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendPurchaseOrder} (async, {@code R3/PT10S}): the purchase order to the ERP through its route
 * ({@code ErpGateway.requestReplenishment}, request id {@code PO-<proposalId>}: the ERP takes it once however often it
 * is sent), then acknowledged. An ERP still down on the last retry → BPMN error {@code PartnerFailure} (an operator
 * retries or gives up); a refusal → {@code PartnerRefused}. An order no longer open (withdrawn, received) is not sent.
 */
@Component("sendPurchaseOrder")
public class SendPurchaseOrder implements JavaDelegate {

    private final PurchaseOrders purchaseOrders;
    private final ReplenishmentProposals proposals;
    private final ErpGateway erp;

    public SendPurchaseOrder(PurchaseOrders purchaseOrders, ReplenishmentProposals proposals, @Lazy ErpGateway erp) {
        this.purchaseOrders = purchaseOrders;
        this.proposals = proposals;
        this.erp = erp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = (String) execution.getVariable("proposalId");
        PurchaseOrder order = purchaseOrders.get(PurchaseOrders.requestIdOf(proposalId));
        if (!order.status().open()) {
            return;
        }
        try {
            erp.requestReplenishment(new ReplenishmentRequest(order.requestId(), order.nodeId(), order.sku(),
                    order.quantity(), proposals.get(proposalId).reason()));
        } catch (PartnerRefusedException e) {
            throw PartnerFailures.refused(execution, e, "PURCHASE_ORDER", "erp");
        } catch (PartnerUnavailableException e) {
            throw PartnerFailures.escalateOrRetry(execution, e, "PURCHASE_ORDER", "erp");
        }
        purchaseOrders.acknowledge(order.requestId());
    }
}
