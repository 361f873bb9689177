package io.maestro.devices.event;

import java.util.Arrays;
import java.util.Optional;

/** What a device reports, named as the last level of its topic. */
public enum DeviceEventType {
    /** An RFID cycle count: the SKU's on-hand at the node is {@code count}. */
    RFID_COUNT("rfid-count"),
    /** A barcode receipt: {@code quantity} units came in. */
    RECEIPT("receipt"),
    /** A pick: {@code quantity} units left the shelf. */
    PICK("pick"),
    /** Damage or shrink: {@code quantity} units are lost. */
    SHRINK("shrink");

    private final String topicName;

    DeviceEventType(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    public static Optional<DeviceEventType> ofTopicName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }
}
