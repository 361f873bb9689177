package io.maestro.processes;

import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A node an operator names on a form ({@code chosenNodeId} with the decision {@code USE_NODE}) must be a node of the
 * network: completing the task with another is refused with a message naming the nodes there are (Tasklist shows it;
 * the engine REST answers 400) and the task stays open. The form checks no pattern of its own, so a field its
 * decision hides never blocks Complete.
 */
@Component
public class NodeChoiceCheck extends AbstractProcessEnginePlugin {

    static final String DECISION = "operatorDecision";
    static final String USE_NODE = "USE_NODE";
    static final String NODE = "chosenNodeId";

    private final NetworkService network;

    public NodeChoiceCheck(NetworkService network) {
        this.network = network;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, element -> this::check);
    }

    void check(DelegateTask task) {
        if (!USE_NODE.equals(task.getVariable(DECISION))) {
            return;
        }
        Object chosen = task.getVariable(NODE);
        String node = chosen == null ? "" : chosen.toString().trim();
        if (node.isEmpty()) {
            throw new BadUserRequestException("Name the node to source from (" + NODE + "): one of " + nodes() + ".");
        }
        if (network.find(node).isEmpty()) {
            throw new BadUserRequestException("There is no node " + node + " in the network: choose one of " + nodes()
                    + ".");
        }
    }

    private String nodes() {
        return network.all().stream().map(Node::id).sorted().collect(Collectors.joining(", "));
    }
}
