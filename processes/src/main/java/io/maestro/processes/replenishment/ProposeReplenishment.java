package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentRuns;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ProposeReplenishment}: the node's proposals of this run; their ids in {@code proposalIds}. */
@Component("proposeReplenishment")
public class ProposeReplenishment implements JavaDelegate {

    private final ReplenishmentPlanner planner;

    public ProposeReplenishment(ReplenishmentPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReplenishmentRuns.Run run = new ReplenishmentRuns.Run((String) execution.getVariable("runId"),
                (String) execution.getVariable("nodeId"),
                ReplenishmentRuns.Trigger.valueOf((String) execution.getVariable("trigger")), null, null);
        String ids = planner.propose(run).stream().map(ReplenishmentProposal::proposalId)
                .collect(Collectors.joining(","));
        execution.setVariable("proposalIds", ids);
    }
}
