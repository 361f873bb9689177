package io.maestro.processes.fulfillment;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code applyReplannedAllocation} (message {@code AllocationReplanned}): the order's process applies a wave re-plan.
 * The replaced shipments are withdrawn (reservations back to ATP, PLANNED → CANCELLED: their {@code shipment-execution}
 * instances, still waiting to release them, end without calling the node), the new shipments are reserved and
 * recorded (REOPTIMISED) with what allocation estimated their carrier services cost, and become {@code replannedShipmentIds} for {@code CallActivity_ExecuteReplannedShipments}.
 * A replaced shipment released meanwhile, or new stock taken meanwhile, fails the whole step: nothing changes and
 * the wave reports the order skipped or kept.
 */
@Component("applyReplannedAllocation")
public class ApplyReplannedAllocation implements JavaDelegate {

    static final String ACTOR = "wave-optimiser";

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final PlanWithdrawal withdrawal;
    private final ShipmentIdList ids;

    public ApplyReplannedAllocation(OrderService orders, InventoryLedger ledger, PlanWithdrawal withdrawal,
                                    ShipmentIdList ids) {
        this.orders = orders;
        this.ledger = ledger;
        this.withdrawal = withdrawal;
        this.ids = ids;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get(execution.getProcessBusinessKey());
        AllocationReplanned plan = AllocationReplanned.from(execution, ids);
        withdrawal.withdraw(order.orderId(), String.join(",", plan.replacedShipmentIds()), ACTOR,
                "replaced by wave " + plan.attempt());
        ledger.reserve(order.channel(), reservations(order.orderId(), plan.shipments()), ACTOR);
        orders.recordPlan(order.orderId(), "REOPTIMISED", plan.shipments(), OrderStatus.ALLOCATED, ACTOR, plan.reason(),
                plan.details());
        orders.recordEstimates(plan.estimates());
        execution.setVariable("replannedShipmentIds",
                String.join(",", plan.shipments().stream().map(Shipment::shipmentId).toList()));
    }

    private static List<ReservationRequest> reservations(String orderId, List<Shipment> shipments) {
        return shipments.stream().flatMap(s -> s.lines().stream().map(l -> new ReservationRequest(
                s.shipmentId() + "-" + l.lineNo(), orderId, l.lineNo(), s.nodeId(), l.sku(), l.quantity()))).toList();
    }
}
