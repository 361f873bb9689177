package io.maestro.processes.pickup;

import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The store has the order ready: the order is READY_FOR_PICKUP and the customer gets the pickup code. The lines are
 * kept as text ({@code pickupLines}) for the curbside handover form.
 */
@Component("notifyReadyForPickup")
public class NotifyReadyForPickup implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final CustomerNotifications notifications;

    public NotifyReadyForPickup(OrderService orders, NetworkService network, CustomerNotifications notifications) {
        this.orders = orders;
        this.network = network;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String shipmentId = (String) execution.getVariable("shipmentId");
        String code = (String) execution.getVariable("pickupCode");
        Node store = network.get(order.pickupNodeId());
        execution.setVariable("pickupLines", order.lines().stream().map(l -> l.quantity() + " × " + l.sku())
                .collect(Collectors.joining("\n")));
        orders.changeShipmentStatus(order.orderId(), shipmentId, ShipmentStatus.ACCEPTED, "READY_FOR_PICKUP",
                PickupStock.ACTOR, "ready for pickup at " + store.id());
        orders.changeStatus(order.orderId(), OrderStatus.READY_FOR_PICKUP, "READY_FOR_PICKUP", PickupStock.ACTOR,
                "ready at " + store.name() + ", pickup code " + code, Map.of("shipmentId", shipmentId, "pickupCode", code));
        String how = "CURBSIDE".equals(order.deliveryOption().name())
                ? "Tell us when you arrive and we bring it to your car." : "Show this code at the pickup desk.";
        notifications.tell(order, "READY_FOR_PICKUP", shipmentId, "Your order " + order.orderId() + " is ready for pickup",
                "Your order is ready at " + store.name() + ". Pickup code: " + code + ". " + how,
                Map.of("pickupCode", code, "nodeId", store.id(), "storeName", store.name()));
    }
}
