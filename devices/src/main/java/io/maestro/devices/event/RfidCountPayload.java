package io.maestro.devices.event;

import java.time.Instant;

/**
 * Payload of {@code .../rfid-count}: a reader counted {@code count} units of {@code sku}. {@code sequence} grows
 * with every message of the device, so an older count that arrives late is recognised and ignored.
 */
public record RfidCountPayload(String eventId, long sequence, Instant timestamp, String sku, long count) {
}
