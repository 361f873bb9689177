package io.maestro.devices.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A device message as it arrived (topic and payload text), the form a dead letter keeps for its replay. */
public record DeviceMessage(String topic, String payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DeviceMessage of(String topic, String payload) {
        return new DeviceMessage(topic, payload);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a device message", e);
        }
    }

    public static DeviceMessage fromJson(String json) {
        try {
            return JSON.readValue(json, DeviceMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a stored device message: " + e.getOriginalMessage(), e);
        }
    }
}
