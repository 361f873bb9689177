package io.maestro.devices.gateway;

import io.maestro.core.deadletter.DeadLetterHandler;
import org.springframework.stereotype.Component;

/** Replays a dead-lettered device message (topic and payload) through the gateway, e.g. after the SKU was created. */
@Component
public class DeviceDeadLetterHandler implements DeadLetterHandler {

    private final DeviceEventGateway gateway;

    public DeviceDeadLetterHandler(DeviceEventGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String source() {
        return DeviceMessageIntake.DEAD_LETTER_SOURCE;
    }

    @Override
    public void replay(String payload) {
        DeviceMessage message = DeviceMessage.fromJson(payload);
        gateway.apply(message.topic(), message.payload());
    }
}
