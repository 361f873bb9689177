package io.maestro.processes.pickup;

import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Offers the customer the nearest store that has the whole order. The answer comes back as message
 * {@code PickupStoreOfferAnswered} with {@code accepted} true or false; no answer in time cancels the pickup.
 */
@Component("offerOtherStore")
public class OfferOtherStore implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final CustomerNotifications notifications;

    public OfferOtherStore(OrderService orders, NetworkService network, CustomerNotifications notifications) {
        this.orders = orders;
        this.network = network;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        Node chosen = network.get(order.pickupNodeId());
        Node offered = network.get((String) execution.getVariable("alternativeStoreId"));
        String reason = (String) execution.getVariable("pickupActionReason");
        notifications.tell(order, "PICKUP_STORE_OFFERED", offered.id(), "Collect order " + order.orderId() + " at "
                        + offered.name() + "?", chosen.name() + " cannot hand over your order. " + offered.name() + " ("
                        + offered.address().line1() + ", " + offered.address().city() + ") has everything. Reply within "
                        + execution.getVariable("offerAnswerWithin") + " to collect it there; otherwise the order is cancelled "
                        + "and refunded.", Map.of("offeredNodeId", offered.id(), "chosenNodeId", chosen.id()));
        orders.record(order.orderId(), "PICKUP_STORE_OFFERED", PickupStock.ACTOR, "customer offered " + offered.id()
                + " instead of " + chosen.id() + ": " + reason, Map.of("offeredNodeId", offered.id()));
    }
}
