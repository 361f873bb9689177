package io.maestro.core.notify;

import java.util.Map;

/**
 * A message for the customer about their order. {@code dedupKey} names the fact being told
 * (e.g. {@code ORD-100001:SHIPPED:ORD-100001-1-1}); the same fact is told once.
 */
public record NotificationRequest(String dedupKey, String orderId, String type, String recipient, String subject,
                                  String body, Map<String, ?> details) {

    public NotificationRequest {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
