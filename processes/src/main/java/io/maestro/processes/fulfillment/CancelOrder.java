package io.maestro.processes.fulfillment;

import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.PartnerEventStatus;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.processes.CustomerNotifications;
import io.maestro.processes.pickup.ReleaseTransfer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cancelOrder}: cancels what has not shipped. Shipments a node already has are withdrawn there and a bought
 * label is voided with its carrier (node first: a parcel the node still holds does not move), each on the timeline;
 * every other open reservation returns to ATP (store pickups and transfers to the store included), shipped lines stay
 * shipped. A node or carrier that refuses ({@link PartnerRefusedException}: the goods have left) keeps that shipment
 * going, with the refusal on the timeline; a node that holds nothing for it has nothing to withdraw. The order is
 * CANCELLED unless part of it has left; the customer is told either way. A shipment that goes on keeps a
 * {@code shipment-execution} of its own.
 */
@Component("cancelOrder")
public class CancelOrder implements JavaDelegate {

    private static final String ACTOR = "fulfillment";
    /** Set on a shipment's own process after the cancel: the order owes nothing beyond its shipments. */
    public static final String REST_CANCELLED = "restCancelled";
    private static final String DELIVERED_EVENT = "ShipmentDelivered";
    private static final String RECORD_DELIVERY = "Task_RecordDelivery";
    private static final Set<ShipmentStatus> AT_NODE = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED);
    private static final Set<ShipmentStatus> LEFT = EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED,
            ShipmentStatus.DELIVERED);
    private static final Set<ShipmentStatus> CLOSED = EnumSet.of(ShipmentStatus.CANCELLED, ShipmentStatus.REJECTED);

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final NodeGateway nodes;
    private final CarrierGateway carriers;
    private final CustomerNotifications notifications;
    private final RuntimeService runtime;
    private final PartnerEventInbox inbox;

    public CancelOrder(OrderService orders, InventoryLedger ledger, NodeGateway nodes, CarrierGateway carriers,
                       CustomerNotifications notifications, RuntimeService runtime, PartnerEventInbox inbox) {
        this.orders = orders;
        this.ledger = ledger;
        this.nodes = nodes;
        this.carriers = carriers;
        this.notifications = notifications;
        this.runtime = runtime;
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = execution.getProcessBusinessKey();
        String reason = reason(execution);
        Order order = orders.get(orderId);
        List<String> goingOn = new ArrayList<>();
        for (Shipment s : order.shipments()) {
            if (LEFT.contains(s.status()) || CLOSED.contains(s.status())) {
                continue;
            }
            if (!takeBack(orderId, s, reason)) {
                goingOn.add(s.shipmentId());
                keepExecuting(execution, s, s.trackingNumber() != null ? "SubProcess_Tracking"
                        : s.status() == ShipmentStatus.ACCEPTED ? "Task_PrepareCarrierChoice" : "Gateway_NodeAnswer");
                continue;
            }
            orders.changeShipmentStatus(orderId, s.shipmentId(), ShipmentStatus.CANCELLED, "SHIPMENT_CANCELLED",
                    ACTOR, reason);
        }
        List<Reservation> open = ledger.reservationsOf(orderId).stream()
                .filter(r -> r.status() == ReservationStatus.ACTIVE)
                .filter(r -> goingOn.stream().noneMatch(id -> r.id().startsWith(id + "-"))).toList();
        ledger.releaseAll(open.stream().map(Reservation::id).toList(), "order cancelled: " + reason, ACTOR);
        boolean partlyShipped = !goingOn.isEmpty() || order.shipments().stream().anyMatch(s -> LEFT.contains(s.status()));
        if (partlyShipped) {
            orders.record(orderId, "ORDER_CANCELLED", ACTOR, "the rest of the order is cancelled: " + reason,
                    Map.of("releasedReservations", open.size(), "goingOn", String.join(",", goingOn)));
            if (goingOn.isEmpty()) {
                settleWhatLeft(execution, orderId);
            }
        } else {
            orders.changeStatus(orderId, OrderStatus.CANCELLED, "ORDER_CANCELLED", ACTOR, reason,
                    Map.of("releasedReservations", open.size()));
        }
        notifications.tell(order, "CANCELLED", null, "Order " + orderId + " is cancelled",
                (partlyShipped ? "The items of order " + orderId + " that had not shipped are cancelled"
                        : "Order " + orderId + " is cancelled") + ": " + reason + ".", Map.of("reason", reason));
    }

    /**
     * Stops one shipment at its node and its carrier; false when a partner says it has left, so it goes on. A node
     * that holds nothing for it ({@code 404}) has nothing to withdraw.
     */
    private boolean takeBack(String orderId, Shipment s, String reason) {
        if (AT_NODE.contains(s.status())) {
            try {
                nodes.cancel(s.nodeId(), orderId, s.shipmentId(), reason);
                orders.record(orderId, "SHIPMENT_WITHDRAWN", ACTOR, "Withdrawn from " + s.nodeId() + ": " + reason,
                        Map.of("shipmentId", s.shipmentId()));
            } catch (PartnerRefusedException e) {
                orders.record(orderId, "WITHDRAWAL_REFUSED", ACTOR, s.nodeId() + " refused to withdraw " + s.shipmentId()
                        + ": " + e.partnerMessage() + (e.status() == 404 ? "; it holds nothing to withdraw"
                        : "; the shipment goes on"), refusal(s, e));
                if (e.status() != 404) {
                    return false;
                }
            }
        }
        if (s.trackingNumber() != null && !ReleaseTransfer.TRANSFER.equals(s.carrier())) {
            try {
                carriers.voidLabel(s.carrier(), s.trackingNumber(), s.shipmentId());
                orders.record(orderId, "LABEL_VOIDED", ACTOR, "Label " + s.trackingNumber() + " voided with " + s.carrier()
                        + ": " + reason, Map.of("shipmentId", s.shipmentId(), "trackingNumber", s.trackingNumber()));
            } catch (PartnerRefusedException e) {
                orders.record(orderId, "LABEL_VOID_REFUSED", ACTOR, s.carrier() + " refused to void label "
                        + s.trackingNumber() + ": " + e.partnerMessage() + "; the parcel goes on", refusal(s, e));
                return false;
            }
        }
        return true;
    }

    /**
     * The cancel ends the order's process (an interrupting cancel request, or the terminate end event after
     * Task_CancelOrder) and with it the shipment's {@code shipment-execution}: a shipment that
     * goes on gets an instance of its own again, from where it stands (tracking once labelled, the carrier choice once
     * accepted, the node's answer once released), so it is still tracked to delivery. A delivery the ended instance had
     * taken from the carrier but not recorded yet (its tracking waited for a delay being handled) is recorded now:
     * the new instance starts at Task_RecordDelivery, as the carrier will not report it again.
     */
    private void keepExecuting(DelegateExecution execution, Shipment s, String from) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shipmentId", s.shipmentId());
        variables.put(REST_CANCELLED, true);
        for (String name : List.of("promiseDays", "serviceUpgrade", "excludedNodes")) {
            Object value = execution.getVariable(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        runtime.createProcessInstanceByKey("shipment-execution")
                .businessKey(execution.getProcessBusinessKey()).setVariables(variables)
                .startBeforeActivity(deliveryTaken(execution.getProcessBusinessKey(), s) ? RECORD_DELIVERY : from)
                .execute();
    }

    /** Whether the carrier's delivery of the shipment was handed to a process already (status CORRELATED). */
    private boolean deliveryTaken(String orderId, Shipment s) {
        return inbox.ofOrder(orderId).stream().anyMatch(e -> e.status() == PartnerEventStatus.CORRELATED
                && DELIVERED_EVENT.equals(e.event().type()) && s.shipmentId().equals(e.event().shipmentId()));
    }

    /**
     * What is left of a partly shipped order after the rest was cancelled: it is SHIPPED, or DELIVERED when every parcel
     * has arrived; parcels still on their way are tracked to delivery by a {@code shipment-execution} of their own.
     */
    private void settleWhatLeft(DelegateExecution execution, String orderId) {
        Order order = orders.get(orderId);
        List<Shipment> onTheirWay = order.shipments().stream()
                .filter(s -> s.status() == ShipmentStatus.DISPATCHED || s.status() == ShipmentStatus.DELAYED).toList();
        if (order.status() != OrderStatus.SHIPPED && order.status() != OrderStatus.PARTIALLY_SHIPPED) {
            orders.changeStatus(orderId, OrderStatus.SHIPPED, "SHIPPED", ACTOR, "what is left of the order has shipped",
                    Map.of());
        }
        if (onTheirWay.isEmpty()) {
            orders.changeStatus(orderId, OrderStatus.DELIVERED, "DELIVERED", ACTOR,
                    "every shipment that left was delivered; the rest is cancelled", Map.of());
            return;
        }
        if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            orders.changeStatus(orderId, OrderStatus.SHIPPED, "SHIPPED", ACTOR, "what is left of the order has shipped",
                    Map.of());
        }
        onTheirWay.forEach(s -> keepExecuting(execution, s, "Event_ShipmentDelivered"));
    }

    private static Map<String, Object> refusal(Shipment s, PartnerRefusedException e) {
        return Map.of("shipmentId", s.shipmentId(), "partner", e.partner(), "partnerStatus", e.status());
    }

    private static String reason(DelegateExecution execution) {
        for (String name : List.of("cancelReason", "exceptionReason", "reviewNote", "operatorNote")) {
            Object value = execution.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return "cancelled";
    }
}
