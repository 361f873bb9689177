package io.maestro.processes.replenishment;

import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ReplenishmentRuns;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a review of a node: the run is recorded and its {@code replenishment} process started in one transaction
 * (the start event is async, so the proposals are computed by the job executor, not by the caller).
 */
@Service
public class ReplenishmentRunner {

    public static final String PROCESS = "replenishment";

    private final NetworkService network;
    private final ReplenishmentRuns runs;
    private final RuntimeService runtime;

    public ReplenishmentRunner(NetworkService network, ReplenishmentRuns runs, RuntimeService runtime) {
        this.network = network;
        this.runs = runs;
        this.runtime = runtime;
    }

    @Transactional
    public ReplenishmentRuns.Run start(String nodeId, ReplenishmentRuns.Trigger trigger, String actor) {
        network.get(nodeId);
        ReplenishmentRuns.Run run = runs.open(nodeId, trigger, actor);
        runtime.createProcessInstanceByKey(PROCESS)
                .setVariables(Variables.createVariables().putValue("nodeId", nodeId).putValue("runId", run.runId())
                        .putValue("trigger", trigger.name()))
                .execute();
        return run;
    }
}
