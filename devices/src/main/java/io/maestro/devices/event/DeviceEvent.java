package io.maestro.devices.event;

import java.time.Instant;

/** One device message, read and checked: where it came from and what it says. {@code quantity} is the count for a count. */
public record DeviceEvent(DeviceTopic topic, String eventId, long sequence, Instant timestamp, String sku, long quantity) {

    /** The ledger event id: device event ids are unique per device only. */
    public String ledgerEventId() {
        return "device:" + topic.nodeId() + ":" + topic.deviceId() + ":" + eventId;
    }
}
