package io.maestro.processes.fulfillment;

import io.maestro.core.geo.Address;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * {@code loadOrderFacts}: what the decisions of this process read about the order (value, tier, channel,
 * destination, lines, whether the ship-to state matches its ZIP code) and, for a pickup, the store; tells the customer the order is in. (The loop counter and the
 * backorder retry interval are set by {@link AssessShortfall}, on the only path that needs them.)
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
    private final PostalCodeDirectory postalCodes;

    public LoadOrderFacts(OrderService orders, CustomerNotifications notifications, PostalCodeDirectory postalCodes) {
        this.orders = orders;
        this.notifications = notifications;
        this.postalCodes = postalCodes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get(execution.getProcessBusinessKey());
        facts(order).forEach(execution::setVariable);
        notifications.tell(order, "ORDER_ACCEPTED", null, "We have your order " + order.orderId(),
                "Thank you: order " + order.orderId() + " with " + order.lines().size() + " line(s) is confirmed.",
                Map.of("channelOrderId", order.channelOrderId()));
    }

    /** The decisions' inputs about the order, as process variables (a what-if replay evaluates the tables with them). */
    public Map<String, Object> facts(Order order) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("orderId", order.orderId());
        String region = order.shipTo() == null || order.shipTo().region() == null ? "" : order.shipTo().region().toUpperCase();
        facts.put("channel", order.channel());
        facts.put("customerTier", order.customer().tier().name());
        facts.put("preference", order.preference().name());
        facts.put("deliveryOption", order.deliveryOption().name());
        if (order.pickupNodeId() != null) {
            facts.put("pickupNodeId", order.pickupNodeId());
        }
        facts.put("destinationRegion", region);
        facts.put("shipComplete", order.shipComplete());
        facts.put("orderValue", order.orderTotal().doubleValue());
        facts.put("lineCount", order.lines().size());
        facts.put("maxLineQuantity", order.lines().stream().mapToInt(OrderLine::quantity).max().orElse(0));
        facts.put("addressMismatch", addressMismatch(order.shipTo(), region));
        return facts;
    }

    /** A US ship-to whose state is not one, or not the state its ZIP code belongs to (Brooklyn, NY with 90210). */
    private boolean addressMismatch(Address shipTo, String region) {
        if (shipTo == null || !"US".equals(shipTo.country())) {
            return false;
        }
        return !US_REGIONS.contains(region) || postalCodes.stateOf(shipTo.country(), shipTo.postalCode())
                .filter(state -> !state.equals(region)).isPresent();
    }
}
