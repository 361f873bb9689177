package io.maestro.core.notify;

/** PENDING until delivered (SENT); FAILED after every retry, visible to operators. */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}
