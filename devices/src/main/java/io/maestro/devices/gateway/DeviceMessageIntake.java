package io.maestro.devices.gateway;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.devices.event.DeviceEvent;
import io.maestro.devices.event.InvalidDeviceEventException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Where the device route hands messages: through the gateway, and what cannot be taken (bad topic, malformed
 * JSON, unknown node or SKU, a loss of more than is on hand) becomes a dead letter with the reason and the
 * message as it arrived. Only a failure of Maestro itself (the database away) is thrown, so the messages are not
 * acknowledged and the broker delivers them again.
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

    /** One message in its own transaction. */
    public DeviceEventOutcome receive(DeviceMessage message) {
        try {
            return gateway.apply(message.topic(), message.payload());
        } catch (InvalidDeviceEventException | InvalidRequestException | IdempotencyConflictException e) {
            return deadLetter(message, e);
        }
    }

    /**
     * Messages in arrival order, the good ones in one transaction. When the ledger refuses one of them (a loss of
     * more than is on hand), or the batch lost a race with another transaction (for a lock or an event id), that
     * transaction is rolled back and each message is taken in its own, so only a refused one becomes a dead letter.
     */
    public List<DeviceEventOutcome> receiveAll(List<DeviceMessage> messages) {
        DeviceEventOutcome[] outcomes = new DeviceEventOutcome[messages.size()];
        List<DeviceEvent> events = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<DeviceEventGateway.Reading> read = gateway.readAll(messages);
        for (int i = 0; i < messages.size(); i++) {
            if (read.get(i).invalid() == null) {
                events.add(read.get(i).event());
                positions.add(i);
            } else {
                outcomes[i] = deadLetter(messages.get(i), read.get(i).invalid());
            }
        }
        if (events.isEmpty()) {
            return List.of(outcomes);
        }
        try {
            List<DeviceEventOutcome> applied = gateway.applyAll(events);
            for (int j = 0; j < applied.size(); j++) {
                outcomes[positions.get(j)] = applied.get(j);
            }
        } catch (InvalidRequestException | IdempotencyConflictException | ConcurrencyFailureException
                 | DuplicateKeyException batchFailed) {
            for (int i : positions) {
                outcomes[i] = receive(messages.get(i));
            }
        }
        return List.of(outcomes);
    }

    private DeviceEventOutcome deadLetter(DeviceMessage message, RuntimeException reason) {
        deadLetters.record(DEAD_LETTER_SOURCE, message.topic() == null ? "" : message.topic(), message.toJson(),
                reason.getMessage());
        log.warn("Device message on {} dead-lettered: {}", message.topic(), reason.getMessage());
        return DeviceEventOutcome.DEAD_LETTERED;
    }
}
