package io.maestro.processes.fulfillment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code backorderRemainder}: what could be allocated ships; the rest waits for stock, and the customer knows. */
@Component("backorderRemainder")
public class BackorderRemainder implements JavaDelegate {

    private final OrderService orders;
    private final CustomerNotifications notifications;

    public BackorderRemainder(OrderService orders, CustomerNotifications notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        int attempt = BackorderOrder.attempts(execution) + 1;
        execution.setVariable("backorderAttempts", attempt);
        Object unfilled = execution.getVariable("unfilledUnits");
        orders.record(orderId, "REMAINDER_BACKORDERED", "fulfillment", unfilled + " unit(s) wait for stock; the rest ships",
                Map.of("unfilledUnits", String.valueOf(unfilled), "attempt", attempt));
        Order order = orders.get(orderId);
        notifications.tell(order, "PARTIALLY_BACKORDERED", null, "Part of order " + orderId + " ships now",
                "We are shipping what is in stock now; " + unfilled + " item(s) follow as soon as they arrive.", Map.of());
    }
}
