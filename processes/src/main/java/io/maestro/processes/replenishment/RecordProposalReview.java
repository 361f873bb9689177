package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ProposalStatus;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordReview}: the analyst's {@code reviewDecision} — {@code APPROVE} the proposed quantity,
 * {@code EDIT} to {@code approvedQuantity}, {@code REJECT} — with {@code reviewNote}, on the proposal under the
 * analyst's name. A decision the proposal cannot take (an edit without a positive quantity) refuses the task's
 * completion, which stays open.
 */
@Component("recordProposalReview")
public class RecordProposalReview implements JavaDelegate {

    private final ReplenishmentProposals proposals;

    public RecordProposalReview(ReplenishmentProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = (String) execution.getVariable("proposalId");
        ReplenishmentProposal proposal = proposals.get(proposalId);
        String decision = String.valueOf(execution.getVariable("reviewDecision"));
        String note = (String) execution.getVariable("reviewNote");
        String actor = Context.getCommandContext() != null && Context.getCommandContext().getAuthenticatedUserId() != null
                ? Context.getCommandContext().getAuthenticatedUserId() : "analyst";
        switch (decision) {
            case "APPROVE" -> proposals.decide(proposalId, ProposalStatus.APPROVED, proposal.proposedQuantity(), actor,
                    note);
            case "EDIT" -> {
                Object quantity = execution.getVariable("approvedQuantity");
                if (!(quantity instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new BadUserRequestException("approvedQuantity: must be a whole number of at least 1, was "
                            + quantity);
                }
                proposals.decide(proposalId, ProposalStatus.APPROVED, n.longValue(), actor, note);
            }
            case "REJECT" -> proposals.decide(proposalId, ProposalStatus.REJECTED, null, actor, note);
            default -> throw new BadUserRequestException("reviewDecision: must be APPROVE, EDIT or REJECT, was " + decision);
        }
    }
}
