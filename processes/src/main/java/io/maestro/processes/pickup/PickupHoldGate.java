package io.maestro.processes.pickup;

import io.maestro.core.command.OrderHolds;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The hold gate of a pickup: while an operator holds the order nothing is released to the store or to a transfer's
 * source. The releasing step locks the order's row before anything else, as commands lock it, so a hold and a release
 * run one after the other: a hold answered {@code 202} is never overtaken by a release already under way. A held order throws BPMN error
 * {@value #ORDER_HELD}: the process waits for {@code OrderHoldReleased} (and looks again every minute);
 * {@code PICKUP_RELEASE_WAITS_FOR_HOLD} is on the timeline once per wait.
 */
@Component
public class PickupHoldGate {

    static final String ORDER_HELD = "OrderHeld";
    private static final String RECORDED = "pickupHoldRecorded";

    private final OrderService orders;
    private final OrderHolds holds;

    public PickupHoldGate(OrderService orders, OrderHolds holds) {
        this.orders = orders;
        this.holds = holds;
    }

    /** Throws {@value #ORDER_HELD} while the order is held (the caller holds the order's row lock). */
    void passOrWait(DelegateExecution execution, String orderId, String shipmentId, String nodeId) {
        Optional<OrderHolds.Hold> hold = holds.find(orderId);
        if (hold.isEmpty()) {
            execution.removeVariable(RECORDED);
            return;
        }
        if (execution.getVariable(RECORDED) == null) {
            orders.record(orderId, "PICKUP_RELEASE_WAITS_FOR_HOLD", PickupStock.ACTOR, shipmentId + " is not released to "
                    + nodeId + " while the order is held (by " + hold.get().heldBy() + ": " + hold.get().reason() + ")",
                    Map.of("shipmentId", shipmentId, "nodeId", nodeId));
            execution.setVariable(RECORDED, true);
        }
        throw new BpmnError(ORDER_HELD, "order " + orderId + " is held");
    }
}
