package io.maestro.processes.pickup;

import io.maestro.core.network.NetworkService;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The order waits at the store uncollected: the customer is reminded, with the code and when it will be cancelled. */
@Component("remindPickup")
public class RemindPickup implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final CustomerNotifications notifications;

    public RemindPickup(OrderService orders, NetworkService network, CustomerNotifications notifications) {
        this.orders = orders;
        this.network = network;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String code = (String) execution.getVariable("pickupCode");
        String store = network.get(order.pickupNodeId()).name();
        notifications.tell(order, "PICKUP_REMINDER", (String) execution.getVariable("shipmentId"),
                "Your order " + order.orderId() + " is waiting for you", "Your order is waiting at " + store
                        + ". Pickup code: " + code + ". Uncollected orders are cancelled and refunded after "
                        + execution.getVariable("pickupNoShowAfter") + ".", Map.of("pickupCode", code));
        orders.record(order.orderId(), "PICKUP_REMINDER", PickupStock.ACTOR, "customer reminded to collect at " + store,
                null);
    }
}
