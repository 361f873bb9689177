package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ReplenishmentProposals;
import org.springframework.stereotype.Component;

/** Bean {@code replenishment} for the model's conditions: is a proposal within its auto-approve threshold? */
@Component("replenishment")
public class ReplenishmentSteps {

    private final ReplenishmentProposals proposals;

    public ReplenishmentSteps(ReplenishmentProposals proposals) {
        this.proposals = proposals;
    }

    public boolean autoApprovable(String proposalId) {
        return proposals.get(proposalId).autoApprovable();
    }
}
