package io.maestro.processes.fulfillment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import io.maestro.processes.FulfillmentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * {@code loadOrderFacts}: what the decisions of this process read about the order (value, tier, channel,
 * destination, lines), the loop counters, and the backorder retry interval; tells the customer the order is in.
 */
@Component("loadOrderFacts")
public class LoadOrderFacts implements JavaDelegate {

    /** US states, DC and the territories a ship-to region may name. */
    static final Set<String> US_REGIONS = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
            "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI",
            "WY", "PR", "GU", "VI", "AS", "MP");

    private final OrderService orders;
    private final CustomerNotifications notifications;
    private final FulfillmentProperties properties;

    public LoadOrderFacts(OrderService orders, CustomerNotifications notifications, FulfillmentProperties properties) {
        this.orders = orders;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String region = order.shipTo() == null || order.shipTo().region() == null ? "" : order.shipTo().region().toUpperCase();
        execution.setVariable("channel", order.channel());
        execution.setVariable("customerTier", order.customer().tier().name());
        execution.setVariable("preference", order.preference().name());
        execution.setVariable("deliveryOption", order.deliveryOption().name());
        execution.setVariable("pickupNodeId", order.pickupNodeId());
        execution.setVariable("destinationRegion", region);
        execution.setVariable("shipComplete", order.shipComplete());
        execution.setVariable("orderValue", order.orderTotal().doubleValue());
        execution.setVariable("lineCount", order.lines().size());
        execution.setVariable("maxLineQuantity", order.lines().stream().mapToInt(OrderLine::quantity).max().orElse(0));
        execution.setVariable("addressMismatch", order.shipTo() != null && "US".equals(order.shipTo().country())
                && !US_REGIONS.contains(region));
        execution.setVariable("backorderAttempts", 0);
        execution.setVariable("heldShipmentIds", "");
        execution.setVariable("excludedNodes", "");
        execution.setVariable("backorderRetry", properties.backorderRetry().toString());
        notifications.tell(order, "ORDER_ACCEPTED", null, "We have your order " + order.orderId(),
                "Thank you: order " + order.orderId() + " with " + order.lines().size() + " line(s) is confirmed.",
                Map.of("channelOrderId", order.channelOrderId()));
    }
}
