package io.maestro.core.inbox;

import java.time.OffsetDateTime;

/** A partner event as kept in the inbox, with where its delivery to the process stands. */
public record StoredPartnerEvent(long id, PartnerEvent event, PartnerEventStatus status, int attempts,
                                 OffsetDateTime receivedAt, OffsetDateTime nextAttemptAt, String lastError) {
}
