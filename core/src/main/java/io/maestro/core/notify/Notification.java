package io.maestro.core.notify;

import java.time.OffsetDateTime;

/** A notification in the outbox and where its delivery stands. */
public record Notification(long id, String dedupKey, String orderId, String type, String recipient, String subject,
                           String body, String details, NotificationStatus status, int attempts,
                           OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {
}
