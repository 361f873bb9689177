package io.maestro.workers.task;

import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.OrderAllocation;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTask;

/** Topic {@code allocate-order}: allocates the whole order. */
public class AllocateOrderHandler extends AllocationTaskHandler {

    public static final String TOPIC = "allocate-order";

    public AllocateOrderHandler(OrderAllocation allocation, int retries) {
        super(allocation, retries);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    protected AllocationOutcome run(ExternalTask task, String orderId, Set<String> excludedNodes) {
        return allocation.allocate(orderId, task.getId(), excludedNodes, task.getAllVariables());
    }
}
