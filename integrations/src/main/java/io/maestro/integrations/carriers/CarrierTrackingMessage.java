package io.maestro.integrations.carriers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * POST /api/partners/carriers/{carrier}/tracking, signed with the carrier's secret. {@code newEstimatedDelivery}
 * for DELAYED, {@code reason} for DELAYED and EXCEPTION. {@code eventId} is unique per carrier.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CarrierTrackingMessage(String eventId, String trackingNumber, String orderId, String shipmentId,
                                     TrackingStatus status, LocalDate newEstimatedDelivery, String reason,
                                     OffsetDateTime occurredAt) {
}
