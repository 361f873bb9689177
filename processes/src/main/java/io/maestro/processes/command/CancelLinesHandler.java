package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.ShipmentIdList;
import io.maestro.processes.fulfillment.PlanWithdrawal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Cancels units of single lines that are not released yet: units no allocation has placed, and units of
 * planned shipments the process has parked (held for consolidation, or waiting at the operator's hold before
 * shipping) — those shipments shrink, or are withdrawn when nothing is left in them, and their reservations
 * give the units back. Units released to a node, shipped or being allocated at this moment are refused, all
 * or nothing. A line cancel that leaves nothing to ship cancels the order.
 */
@Component
class CancelLinesHandler implements CommandHandler {

    static final String PROCESS = "order-fulfillment";
    static final String AWAIT_RELEASE_BEFORE_SHIPPING = "Task_AwaitReleaseBeforeShipping";
    private static final Set<ShipmentStatus> CLOSED = Set.of(ShipmentStatus.REJECTED, ShipmentStatus.CANCELLED);
    private static final Set<ShipmentStatus> DONE = Set.of(ShipmentStatus.REJECTED, ShipmentStatus.CANCELLED,
            ShipmentStatus.DELIVERED);

    private final RuntimeService runtime;
    private final OrderService orders;
    private final InventoryLedger ledger;
    private final LineCancellations cancellations;
    private final PlanWithdrawal withdrawal;
    private final ShipmentIdList ids;

    CancelLinesHandler(RuntimeService runtime, OrderService orders, InventoryLedger ledger,
                       LineCancellations cancellations, PlanWithdrawal withdrawal, ShipmentIdList ids) {
        this.runtime = runtime;
        this.orders = orders;
        this.ledger = ledger;
        this.cancellations = cancellations;
        this.withdrawal = withdrawal;
        this.ids = ids;
    }

    @Override
    public CommandType type() {
        return CommandType.CANCEL_LINES;
    }

    /** What the command would take from where, as the order stands; refused with the reason when it cannot. */
    private record Plan(ProcessInstance process, Map<Integer, Integer> asked, boolean allocating,
                        List<Shipment> parkedShipments, Map<Integer, Integer> open) {
    }

    @Override
    public void check(OrderCommand command, Map<String, Object> payload, Order order) {
        plan(payload, order);
    }

    @SuppressWarnings("unchecked")
    private Plan plan(Map<String, Object> payload, Order order) {
        OrderStates.requireOpen(order, "cancel lines");
        if (order.deliveryOption() != DeliveryOption.SHIP) {
            throw new StateConflictException("Order " + order.orderId() + " is picked up at a store: cancel the whole order");
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(order.orderId())
                .processDefinitionKey(PROCESS).singleResult();
        if (process == null) {
            throw new StateConflictException("Order " + order.orderId() + " is " + order.status()
                    + " and its fulfilment is no longer running: nothing is left to cancel");
        }
        Map<Integer, Integer> asked = new LinkedHashMap<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) payload.get("lines")) {
            asked.merge(((Number) line.get("lineNo")).intValue(), ((Number) line.get("quantity")).intValue(), Integer::sum);
        }
        boolean allocating = runtime.createExecutionQuery().processInstanceBusinessKey(order.orderId())
                .activityId("Task_AllocateOrder").count() + runtime.createExecutionQuery()
                .processInstanceBusinessKey(order.orderId()).activityId("Task_Reallocate").count() > 0;
        Set<String> parkedIds = parked(process);
        List<Shipment> parkedShipments = order.shipments().stream()
                .filter(s -> s.status() == ShipmentStatus.PLANNED && parkedIds.contains(s.shipmentId())).toList();
        Map<Integer, Integer> open = open(order, cancellations.byLine(order.orderId()));

        List<String> refusals = new ArrayList<>();
        for (Map.Entry<Integer, Integer> a : asked.entrySet()) {
            int parkedUnits = units(parkedShipments, a.getKey());
            int openUnits = allocating ? 0 : open.getOrDefault(a.getKey(), 0);
            if (a.getValue() > openUnits + parkedUnits) {
                refusals.add("line " + a.getKey() + ": " + a.getValue() + " units asked, " + (openUnits + parkedUnits)
                        + " can be cancelled" + (allocating && open.getOrDefault(a.getKey(), 0) > 0
                        ? " (" + open.get(a.getKey()) + " are being allocated right now: hold the order first)"
                        : " (the rest is released to a node, shipped or cancelled already)"));
            }
        }
        if (!refusals.isEmpty()) {
            throw new StateConflictException("Order " + order.orderId() + " cannot cancel these units: "
                    + String.join("; ", refusals));
        }
        return new Plan(process, asked, allocating, parkedShipments, open);
    }

    @Override
    public String apply(OrderCommand command, Map<String, Object> payload, Order order) {
        Plan plan = plan(payload, order);
        ProcessInstance process = plan.process();
        Map<Integer, Integer> asked = plan.asked();
        boolean allocating = plan.allocating();
        List<Shipment> parkedShipments = plan.parkedShipments();
        Map<Integer, Integer> open = plan.open();
        String reason = CancelHandler.reason(payload, command.actor());
        Set<String> withdrawn = new LinkedHashSet<>();
        List<String> done = new ArrayList<>();
        for (Map.Entry<Integer, Integer> a : asked.entrySet()) {
            int lineNo = a.getKey();
            int left = a.getValue();
            int fromOpen = allocating ? 0 : Math.min(left, open.getOrDefault(lineNo, 0));
            left -= fromOpen;
            for (int i = 0; i < parkedShipments.size() && left > 0; i++) {
                Shipment s = parkedShipments.get(i);
                int inShipment = units(List.of(s), lineNo);
                int take = Math.min(left, inShipment);
                if (take == 0) {
                    continue;
                }
                left -= take;
                Shipment smaller = shrink(order.orderId(), s, lineNo, take, reason, command.actor());
                parkedShipments = replace(parkedShipments, i, smaller);
                if (smaller.lines().isEmpty()) {
                    withdrawal.withdraw(order.orderId(), s.shipmentId(), command.actor(), "every unit cancelled: " + reason);
                    withdrawn.add(s.shipmentId());
                }
            }
            cancellations.record(command.commandId(), order.orderId(), lineNo, a.getValue());
            done.add("line " + lineNo + ": " + a.getValue());
        }
        forget(process, withdrawn);
        afterwards(process, orders.get(order.orderId()), reason, command.actor(), command.commandId());
        return "cancelled " + String.join(", ", done) + (withdrawn.isEmpty() ? "" : "; withdrawn " + String.join(", ", withdrawn))
                + ": " + reason;
    }

    /** Takes {@code units} of one line out of a parked shipment and gives their reservation back. */
    private Shipment shrink(String orderId, Shipment s, int lineNo, int units, String reason, String actor) {
        List<ShipmentLine> lines = new ArrayList<>();
        for (ShipmentLine l : s.lines()) {
            if (l.lineNo() != lineNo) {
                lines.add(l);
            } else if (l.quantity() > units) {
                ledger.shrink(s.shipmentId() + "-" + lineNo, units, "line " + lineNo + " cancelled: " + reason, actor);
                lines.add(new ShipmentLine(l.lineNo(), l.sku(), l.quantity() - units));
            } else {
                ledger.release(s.shipmentId() + "-" + lineNo, "line " + lineNo + " cancelled: " + reason, actor);
            }
        }
        Shipment smaller = new Shipment(s.shipmentId(), s.nodeId(), lines, s.carrier(), s.service(), s.cost(), s.co2Kg(),
                s.promisedDate(), s.status(), s.trackingNumber());
        if (!lines.isEmpty()) {
            orders.reducePlannedShipment(orderId, smaller, actor, units + " units of line " + lineNo + " taken out of "
                    + s.shipmentId() + ": " + reason, Map.of("shipmentId", s.shipmentId(), "lineNo", lineNo, "units", units));
        }
        return smaller;
    }

    /** The process's parked shipments: held for consolidation, and those waiting at the operator's hold. */
    private Set<String> parked(ProcessInstance process) {
        Set<String> parked = new LinkedHashSet<>(ids.split((String) runtime.getVariable(process.getId(), "heldShipmentIds")));
        boolean waitingAtHold = runtime.createExecutionQuery().processInstanceId(process.getId())
                .activityId(AWAIT_RELEASE_BEFORE_SHIPPING).count() > 0;
        if (waitingAtHold) {
            parked.addAll(ids.split((String) runtime.getVariable(process.getId(), "executeShipmentIds")));
        }
        return parked;
    }

    private void forget(ProcessInstance process, Set<String> withdrawn) {
        if (withdrawn.isEmpty()) {
            return;
        }
        for (String variable : List.of("heldShipmentIds", "executeShipmentIds")) {
            List<String> kept = ids.split((String) runtime.getVariable(process.getId(), variable)).stream()
                    .filter(id -> !withdrawn.contains(id)).toList();
            runtime.setVariable(process.getId(), variable, String.join(",", kept));
        }
    }

    /**
     * Nothing left to ship: the order is cancelled. Otherwise an order waiting for stock looks again at once, so
     * what it holds for consolidation ships when the units it waited for were the ones cancelled.
     */
    private void afterwards(ProcessInstance process, Order order, String reason, String actor, String commandId) {
        Map<Integer, Integer> open = open(order, cancellations.byLine(order.orderId()));
        boolean nothingOpen = open.values().stream().allMatch(u -> u == 0);
        boolean nothingMoving = order.shipments().stream().allMatch(s -> DONE.contains(s.status()));
        if (nothingOpen && nothingMoving) {
            try {
                runtime.createMessageCorrelation(CancelHandler.MESSAGE).processInstanceId(process.getId())
                        .setVariable("cancelReason", "every line cancelled: " + reason).setVariable("cancelledBy", actor)
                        .setVariable("cancelCommandId", commandId).correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                // the process takes no cancel any more: the order's cancellation is under way already
                throw new StateConflictException("Order " + order.orderId() + " is being cancelled already: "
                        + "every unit that has not shipped is cancelled with it");
            }
        } else if (runtime.createExecutionQuery().processInstanceId(process.getId())
                .activityId("CatchEvent_InventoryAvailable").count() > 0) {
            runtime.createMessageCorrelation("InventoryAvailable").processInstanceId(process.getId()).correlateWithResult();
        }
    }

    /** Units of each line in no live shipment and not cancelled. */
    static Map<Integer, Integer> open(Order order, Map<Integer, Integer> cancelled) {
        Map<Integer, Integer> placed = new HashMap<>(cancelled);
        order.shipments().stream().filter(s -> !CLOSED.contains(s.status())).flatMap(s -> s.lines().stream())
                .forEach(l -> placed.merge(l.lineNo(), l.quantity(), Integer::sum));
        Map<Integer, Integer> open = new HashMap<>();
        for (OrderLine l : order.lines()) {
            open.put(l.lineNo(), Math.max(0, l.quantity() - placed.getOrDefault(l.lineNo(), 0)));
        }
        return open;
    }

    private static int units(List<Shipment> shipments, int lineNo) {
        return shipments.stream().flatMap(s -> s.lines().stream()).filter(l -> l.lineNo() == lineNo)
                .mapToInt(ShipmentLine::quantity).sum();
    }

    private static List<Shipment> replace(List<Shipment> shipments, int index, Shipment with) {
        List<Shipment> copy = new ArrayList<>(shipments);
        copy.set(index, with);
        return copy;
    }
}
