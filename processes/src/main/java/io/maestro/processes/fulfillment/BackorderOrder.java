package io.maestro.processes.fulfillment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import io.maestro.processes.StockSignals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code backorderOrder}: nothing ships yet. What this round could plan goes back to stock, the order is
 * BACKORDERED and waits for stock or the retry time; the customer is told once.
 */
@Component("backorderOrder")
public class BackorderOrder implements JavaDelegate {

    private final OrderService orders;
    private final PlanWithdrawal withdrawal;
    private final CustomerNotifications notifications;

    public BackorderOrder(OrderService orders, PlanWithdrawal withdrawal, CustomerNotifications notifications) {
        this.orders = orders;
        this.withdrawal = withdrawal;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        String reason = reason(execution);
        // The units this round planned were free when it began: giving them back wakes nobody, this order least.
        StockSignals.unsignalled(() -> withdrawal.withdraw(orderId, (String) execution.getVariable("shipmentIds"),
                "fulfillment", "backordered: " + reason));
        execution.setVariable("shipmentIds", "");
        execution.setVariable("excludedNodes", "");
        execution.setVariable("backorderAttempts", attempts(execution) + 1);
        Order order = orders.get(orderId);
        boolean somethingMoving = order.shipments().stream().anyMatch(s -> s.status() != ShipmentStatus.CANCELLED
                && s.status() != ShipmentStatus.REJECTED);
        if (somethingMoving) {
            orders.record(orderId, "BACKORDERED", "fulfillment", reason, Map.of("attempt", attempts(execution)));
        } else {
            orders.changeStatus(orderId, OrderStatus.BACKORDERED, "BACKORDERED", "fulfillment", reason,
                    Map.of("attempt", attempts(execution)));
        }
        notifications.tell(order, "BACKORDERED", null, "Order " + orderId + " is waiting for stock",
                "Part of order " + orderId + " is not in stock yet; we will ship it as soon as it arrives.", Map.of());
    }

    static int attempts(DelegateExecution execution) {
        Object attempts = execution.getVariable("backorderAttempts");
        return attempts instanceof Number n ? n.intValue() : 0;
    }

    static String reason(DelegateExecution execution) {
        Object reason = execution.getVariable("exceptionReason");
        return reason == null ? "waiting for stock" : reason.toString();
    }
}
