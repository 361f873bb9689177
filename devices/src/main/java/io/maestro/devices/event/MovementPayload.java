package io.maestro.devices.event;

import java.time.Instant;

/** Payload of {@code .../receipt}, {@code .../pick} and {@code .../shrink}: {@code quantity} units (more than 0) moved. */
public record MovementPayload(String eventId, long sequence, Instant timestamp, String sku, long quantity) {
}
