package io.maestro.integrations.notifications;

import io.maestro.core.notify.Notification;

/**
 * POST to {@code maestro.notifications.webhook.url}, signed with its secret. {@code dedupKey} names the fact told:
 * a receiver that sees it twice (a retry after a failed e-mail) keeps one.
 */
public record NotificationWebhookMessage(long notificationId, String dedupKey, String orderId, String type,
                                         String recipient, String subject, String body, String details) {

    public static NotificationWebhookMessage of(Notification n) {
        return new NotificationWebhookMessage(n.id(), n.dedupKey(), n.orderId(), n.type(), n.recipient(), n.subject(),
                n.body(), n.details());
    }
}
