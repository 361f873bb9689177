package io.maestro.processes.shipment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Puts the order's decided policy on a shipment whose lines are about to be placed again, for the allocation
 * worker to read with the task. The policy (DMN {@code fulfillment-policy} and {@code node-eligibility}) stays on
 * the order's {@code order-fulfillment} instance; a shipment does not copy it when it starts, because only a
 * shipment that is rerouted needs it. A shipment started on its own carries its policy itself.
 */
@Component("orderPolicyForReallocation")
public class OrderPolicyForReallocation implements ExecutionListener {

    private static final List<String> DECIDED = List.of("costWeight", "speedWeight", "carbonWeight", "maxShipments",
            "splitAllowed", "shipFromStoreAllowed", "carbonPricePerKg", "eligibleNodeTypes");

    @Override
    public void notify(DelegateExecution execution) {
        DelegateExecution order = execution.getProcessInstance();
        while (order.getSuperExecution() != null) {
            order = order.getSuperExecution().getProcessInstance();
        }
        if (order == execution.getProcessInstance()) {
            return;
        }
        Map<String, Object> decided = new HashMap<>();
        for (String name : DECIDED) {
            Object value = order.getVariable(name);
            if (value != null) {
                decided.put(name, value);
            }
        }
        execution.setVariables(decided);
    }
}
