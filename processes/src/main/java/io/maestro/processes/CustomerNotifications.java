package io.maestro.processes;

import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.notify.NotificationRequest;
import io.maestro.core.order.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Writes what the customer is told into the outbox, in the transaction of the change it tells about.
 * {@code fact} distinguishes several notifications of one type (e.g. the shipment id); the same fact is told once.
 */
@Component
public class CustomerNotifications {

    private final NotificationOutbox outbox;

    public CustomerNotifications(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    public void tell(Order order, String type, String fact, String subject, String body, Map<String, ?> details) {
        String key = order.orderId() + ":" + type + (fact == null || fact.isBlank() ? "" : ":" + fact);
        outbox.enqueue(new NotificationRequest(key, order.orderId(), type, order.customer().email(), subject, body, details));
    }
}
