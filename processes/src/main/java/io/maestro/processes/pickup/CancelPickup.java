package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Ends a pickup that will not happen: every active reservation of the order goes back to ATP, open shipments are
 * CANCELLED, the order is CANCELLED and the customer told why ({@code cancelReason}, set on the way here).
 */
@Component("cancelPickup")
public class CancelPickup implements JavaDelegate {

    private static final Set<ShipmentStatus> CLOSED = EnumSet.of(ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED,
            ShipmentStatus.REJECTED);

    private final OrderService orders;
    private final PickupStock stock;
    private final CustomerNotifications notifications;

    public CancelPickup(OrderService orders, PickupStock stock, CustomerNotifications notifications) {
        this.orders = orders;
        this.stock = stock;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String reason = describe(execution.getVariable("cancelReason"), (String) execution.getVariable("pickupActionReason"));
        stock.releaseAll(order.orderId(), "pickup cancelled: " + reason);
        for (Shipment s : order.shipments()) {
            if (!CLOSED.contains(s.status())) {
                orders.changeShipmentStatus(order.orderId(), s.shipmentId(), ShipmentStatus.CANCELLED, "SHIPMENT_CANCELLED",
                        PickupStock.ACTOR, reason);
            }
        }
        orders.changeStatus(order.orderId(), OrderStatus.CANCELLED, "PICKUP_CANCELLED", PickupStock.ACTOR, reason,
                Map.of("cause", String.valueOf(execution.getVariable("cancelReason"))));
        notifications.tell(order, "CANCELLED", "pickup", "Your order " + order.orderId() + " is cancelled",
                "We cancelled your pickup order: " + reason + ". You are not charged for it.", Map.of("reason", reason));
    }

    /** The customer's words for why a pickup ends. */
    static String describe(Object cause, String decided) {
        return switch (String.valueOf(cause)) {
            case "NO_SHOW" -> "the order was not collected in time";
            case "TRANSFER_OVERDUE" -> "the goods did not reach the store in time";
            case "OFFER_DECLINED" -> "you declined the other store we offered";
            case "OFFER_UNANSWERED" -> "we did not hear back about the other store we offered";
            case "OPERATOR" -> "a partner system could not be reached";
            default -> decided == null ? "the store cannot serve the order" : decided;
        };
    }
}
