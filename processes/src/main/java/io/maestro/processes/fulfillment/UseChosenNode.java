package io.maestro.processes.fulfillment;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.OrderService;
import io.maestro.workers.allocate.NodeExclusions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code useChosenNode}: the operator picked the node to source from. This round's plan goes back to
 * stock and the next allocation may use only that node. The choice is on the timeline ({@link NodeExclusions#NODE_CHOSEN}),
 * where a wave re-optimisation reads it: the order stays on that node.
 */
@Component("useChosenNode")
public class UseChosenNode implements JavaDelegate {

    private final NetworkService network;
    private final OrderService orders;
    private final PlanWithdrawal withdrawal;

    public UseChosenNode(NetworkService network, OrderService orders, PlanWithdrawal withdrawal) {
        this.network = network;
        this.orders = orders;
        this.withdrawal = withdrawal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        Object chosen = execution.getVariable("chosenNodeId");
        if (chosen == null || network.find(chosen.toString()).isEmpty()) {
            throw new InvalidRequestException("chosenNodeId", "names no node: " + chosen);
        }
        withdrawal.withdraw(orderId, (String) execution.getVariable("shipmentIds"), "operator",
                "operator chose node " + chosen);
        execution.setVariable("shipmentIds", "");
        execution.setVariable("excludedNodes", network.all().stream().map(Node::id).filter(id -> !id.equals(chosen))
                .collect(Collectors.joining(",")));
        orders.record(orderId, NodeExclusions.NODE_CHOSEN, "operator", "operator sources the order from " + chosen
                + noteOf(execution), Map.of("nodeId", chosen.toString()));
    }

    private static String noteOf(DelegateExecution execution) {
        Object note = execution.getVariable("operatorNote");
        return note == null || note.toString().isBlank() ? "" : ": " + note;
    }
}
