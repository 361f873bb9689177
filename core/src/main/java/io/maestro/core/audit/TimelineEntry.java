package io.maestro.core.audit;

import java.time.OffsetDateTime;

/** One thing that happened to an order: what, who or what did it, why, and details as JSON. */
public record TimelineEntry(long sequence, OffsetDateTime at, String type, String status, String actor, String reason,
                            String detailsJson) {
}
