package io.maestro.processes.fulfillment;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.NodeGateway;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cancelOrder}: cancels what has not shipped. Shipments a node already has are withdrawn there,
 * every open reservation returns to ATP, shipped lines stay shipped. The order is CANCELLED unless part of
 * it already left; the customer is told either way.
 */
@Component("cancelOrder")
public class CancelOrder implements JavaDelegate {

    private static final Set<ShipmentStatus> AT_NODE = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED);
    private static final Set<ShipmentStatus> LEFT = EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED,
            ShipmentStatus.DELIVERED);
    private static final Set<ShipmentStatus> CLOSED = EnumSet.of(ShipmentStatus.CANCELLED, ShipmentStatus.REJECTED);

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final NodeGateway nodes;
    private final CustomerNotifications notifications;

    public CancelOrder(OrderService orders, InventoryLedger ledger, NodeGateway nodes, CustomerNotifications notifications) {
        this.orders = orders;
        this.ledger = ledger;
        this.nodes = nodes;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = execution.getProcessBusinessKey();
        String reason = reason(execution);
        Order order = orders.get(orderId);
        for (Shipment s : order.shipments()) {
            if (LEFT.contains(s.status()) || CLOSED.contains(s.status())) {
                continue;
            }
            if (AT_NODE.contains(s.status())) {
                nodes.cancel(s.nodeId(), orderId, s.shipmentId(), reason);
            }
            orders.changeShipmentStatus(orderId, s.shipmentId(), ShipmentStatus.CANCELLED, "SHIPMENT_CANCELLED",
                    "fulfillment", reason);
        }
        List<Reservation> open = ledger.reservationsOf(orderId).stream()
                .filter(r -> r.status() == ReservationStatus.ACTIVE).toList();
        ledger.releaseAll(open.stream().map(Reservation::id).toList(), "order cancelled: " + reason, "fulfillment");
        boolean partlyShipped = order.shipments().stream().anyMatch(s -> LEFT.contains(s.status()));
        if (partlyShipped) {
            orders.record(orderId, "ORDER_CANCELLED", "fulfillment", "the rest of the order is cancelled: " + reason,
                    Map.of("releasedReservations", open.size()));
        } else {
            orders.changeStatus(orderId, OrderStatus.CANCELLED, "ORDER_CANCELLED", "fulfillment", reason,
                    Map.of("releasedReservations", open.size()));
        }
        notifications.tell(order, "CANCELLED", null, "Order " + orderId + " is cancelled",
                (partlyShipped ? "The items of order " + orderId + " that had not shipped are cancelled"
                        : "Order " + orderId + " is cancelled") + ": " + reason + ".", Map.of("reason", reason));
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
