package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The pickup waits for stock at its store: the order is BACKORDERED and the customer told (once). */
@Component("backorderAtStore")
public class BackorderAtStore implements JavaDelegate {

    private final OrderService orders;
    private final CustomerNotifications notifications;

    public BackorderAtStore(OrderService orders, CustomerNotifications notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String reason = (String) execution.getVariable("pickupActionReason");
        orders.changeStatus(order.orderId(), OrderStatus.BACKORDERED, "PICKUP_BACKORDERED", PickupStock.ACTOR, reason,
                Map.of("pickupNodeId", order.pickupNodeId()));
        notifications.tell(order, "BACKORDERED", "pickup", "Your order " + order.orderId() + " is delayed",
                "The store is waiting for stock of your order. We tell you as soon as it is ready for pickup.",
                Map.of("nodeId", order.pickupNodeId()));
    }
}
