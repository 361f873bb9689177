package io.maestro.workers.task;

import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.OrderAllocation;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * Topic {@code reallocate-order}: the node of shipment {@code rejectedShipmentId} rejected it (or ran
 * short; {@code rejectionReason} says why): its reservations are released and its lines placed again
 * without that node.
 */
public class ReallocateOrderHandler extends AllocationTaskHandler {

    public static final String TOPIC = "reallocate-order";

    public ReallocateOrderHandler(OrderAllocation allocation, int retries) {
        super(allocation, retries);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    protected AllocationOutcome run(ExternalTask task, String orderId, Set<String> excludedNodes) {
        String shipmentId = task.getVariable("rejectedShipmentId");
        if (shipmentId == null) {
            throw new IllegalArgumentException("Task " + task.getId() + " has no variable rejectedShipmentId");
        }
        String reason = task.getVariable("rejectionReason");
        return allocation.reallocate(orderId, shipmentId, task.getId(), excludedNodes,
                reason == null ? "rejected by the node" : reason, task.getAllVariables());
    }
}
