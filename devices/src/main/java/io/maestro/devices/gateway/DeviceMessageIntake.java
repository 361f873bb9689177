package io.maestro.devices.gateway;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.devices.event.InvalidDeviceEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the device route hands every message: through the gateway, and what cannot be taken (bad topic,
 * malformed JSON, unknown node or SKU, a loss of more than is on hand) becomes a dead letter with the reason
 * and the message as it arrived. Only a failure of Maestro itself (the database away) is thrown, so the message
 * is not acknowledged and the broker delivers it again.
 */
@Component
public class DeviceMessageIntake {

    public static final String DEAD_LETTER_SOURCE = "mqtt-device";
    private static final Logger log = LoggerFactory.getLogger(DeviceMessageIntake.class);

    private final DeviceEventGateway gateway;
    private final DeadLetters deadLetters;

    public DeviceMessageIntake(DeviceEventGateway gateway, DeadLetters deadLetters) {
        this.gateway = gateway;
        this.deadLetters = deadLetters;
    }

    public DeviceEventOutcome receive(String topic, String payload) {
        try {
            return gateway.apply(topic, payload);
        } catch (InvalidDeviceEventException | InvalidRequestException e) {
            deadLetters.record(DEAD_LETTER_SOURCE, topic == null ? "" : topic, DeviceMessage.of(topic, payload).toJson(),
                    e.getMessage());
            log.warn("Device message on {} dead-lettered: {}", topic, e.getMessage());
            return DeviceEventOutcome.DEAD_LETTERED;
        }
    }
}
