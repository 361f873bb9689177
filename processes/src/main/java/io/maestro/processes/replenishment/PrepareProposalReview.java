package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareReview}: what the analyst's form shows of the proposal (SKU, on hand, reserved, on order, the
 * forecast, the order-up-to level, the proposed quantity and why), in the proposal's own scope.
 */
@Component("prepareProposalReview")
public class PrepareProposalReview implements JavaDelegate {

    private final ReplenishmentProposals proposals;

    public PrepareProposalReview(ReplenishmentProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReplenishmentProposal p = proposals.get((String) execution.getVariable("proposalId"));
        execution.setVariable("sku", p.sku());
        execution.setVariable("onHand", p.onHand());
        execution.setVariable("reserved", p.reserved());
        execution.setVariable("onOrder", p.onOrder());
        execution.setVariable("forecastMean", Math.round(p.forecastMean() * 10) / 10.0);
        execution.setVariable("forecastMethod", p.forecastMethod());
        execution.setVariable("orderUpTo", p.orderUpTo());
        execution.setVariable("proposedQuantity", p.proposedQuantity());
        execution.setVariable("proposalReason", p.reason());
    }
}
