package io.maestro.devices.event;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code maestro/nodes/{nodeId}/devices/{deviceId}/{eventType}}: where a device publishes. */
public record DeviceTopic(String nodeId, String deviceId, DeviceEventType type) {

    /** What Maestro subscribes to: every event of every device at every node. */
    public static final String SUBSCRIPTION = "maestro/nodes/+/devices/+/+";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_NODE_ID = 40;
    private static final int MAX_DEVICE_ID = 30;

    public String name() {
        return "maestro/nodes/" + nodeId + "/devices/" + deviceId + "/" + type.topicName();
    }

    /** Reads a topic name, or says exactly which level is wrong. */
    public static DeviceTopic parse(String topic) {
        String[] levels = topic == null ? new String[0] : topic.split("/", -1);
        if (levels.length != 6 || !levels[0].equals("maestro") || !levels[1].equals("nodes") || !levels[3].equals("devices")) {
            throw new InvalidDeviceEventException("topic", "'" + topic
                    + "' is not maestro/nodes/{nodeId}/devices/{deviceId}/{eventType}");
        }
        checkId(levels[2], "topic nodeId", MAX_NODE_ID);
        checkId(levels[4], "topic deviceId", MAX_DEVICE_ID);
        DeviceEventType type = DeviceEventType.ofTopicName(levels[5]).orElseThrow(() -> new InvalidDeviceEventException(
                "topic eventType", "unknown event type '" + levels[5] + "', expected one of " + Arrays.stream(DeviceEventType.values())
                        .map(DeviceEventType::topicName).collect(Collectors.joining(", "))));
        return new DeviceTopic(levels[2], levels[4], type);
    }

    private static void checkId(String id, String field, int maxLength) {
        if (id.isEmpty() || id.length() > maxLength || !ID.matcher(id).matches()) {
            throw new InvalidDeviceEventException(field, "'" + id + "' must be 1 to " + maxLength
                    + " letters, digits, '.', '_' or '-'");
        }
    }
}
