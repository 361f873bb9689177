package io.maestro.processes.rollout;

import io.maestro.workers.allocate.DecisionVersions;
import org.springframework.stereotype.Component;

/**
 * The version of a table that decides for an order, as the business rule tasks bind it ({@link DecisionRollouts}), for
 * the decisions evaluated outside a process: DMN {@code carrier-selection} in the optimiser and the label step.
 */
@Component
class RolloutDecisionVersions implements DecisionVersions {

    private final DecisionRollouts rollouts;

    RolloutDecisionVersions(DecisionRollouts rollouts) {
        this.rollouts = rollouts;
    }

    @Override
    public int versionFor(String decisionKey, String orderId) {
        return rollouts.versionFor(decisionKey, orderId);
    }
}
