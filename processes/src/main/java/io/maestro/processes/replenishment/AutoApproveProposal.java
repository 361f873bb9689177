package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ReplenishmentProposals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AutoApprove}: a proposal within the policy's threshold is approved as proposed. */
@Component("autoApproveProposal")
public class AutoApproveProposal implements JavaDelegate {

    private final ReplenishmentProposals proposals;

    public AutoApproveProposal(ReplenishmentProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.autoApprove((String) execution.getVariable("proposalId"));
    }
}
