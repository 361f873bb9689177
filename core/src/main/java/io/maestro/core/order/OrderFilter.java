package io.maestro.core.order;

import java.time.OffsetDateTime;

/** Optional criteria for listing orders; null means any. */
public record OrderFilter(OrderStatus status, String channel, String customerId, OffsetDateTime createdFrom,
                          OffsetDateTime createdTo) {
}
