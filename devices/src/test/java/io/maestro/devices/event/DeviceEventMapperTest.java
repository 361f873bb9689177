package io.maestro.devices.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Topic and payload reading: every event type, and a list of malformed messages with the reason each gets. */
class DeviceEventMapperTest {

    private static final String PICK = "maestro/nodes/DC-BKN/devices/HH-1/pick";
    private static final String GOOD = "{\"eventId\":\"p-1\",\"sequence\":7,\"timestamp\":\"2026-11-27T09:00:00+01:00\","
            + "\"sku\":\"TSHIRT-BLK-M\",\"quantity\":3}";

    private final DeviceEventMapper mapper = new DeviceEventMapper();

    @Test
    void readsAMovement() {
        DeviceEvent event = mapper.read(PICK, GOOD);

        assertThat(event.topic()).isEqualTo(new DeviceTopic("DC-BKN", "HH-1", DeviceEventType.PICK));
        assertThat(event).extracting(DeviceEvent::eventId, DeviceEvent::sequence, DeviceEvent::timestamp, DeviceEvent::sku,
                DeviceEvent::quantity).containsExactly("p-1", 7L, Instant.parse("2026-11-27T08:00:00Z"), "TSHIRT-BLK-M", 3L);
        assertThat(event.ledgerEventId()).isEqualTo("device:DC-BKN:HH-1:p-1");
    }

    @Test
    void readsACountFromItsCountField() {
        String topic = new DeviceTopic("DC-BKN", "RFID-2", DeviceEventType.RFID_COUNT).name();
        DeviceEvent event = mapper.read(topic, mapper.write(new RfidCountPayload("c-1", 1, Instant.parse("2026-11-27T09:00:00Z"),
                "TSHIRT-BLK-M", 0)));

        assertThat(event.topic().type()).isEqualTo(DeviceEventType.RFID_COUNT);
        assertThat(event.quantity()).isZero();
    }

    @Test
    void writesThePayloadContract() {
        assertThat(mapper.write(new MovementPayload("r-1", 2, Instant.parse("2026-11-27T09:00:00Z"), "HAT", 4)))
                .isEqualTo("{\"eventId\":\"r-1\",\"sequence\":2,\"timestamp\":\"2026-11-27T09:00:00Z\",\"sku\":\"HAT\",\"quantity\":4}");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(PICK, "", "payload: is empty"),
                Arguments.of(PICK, "{\"eventId\":\"p-1\",", "payload: malformed JSON at line 1, column 18: Unexpected end-of-input"),
                Arguments.of(PICK, "[1,2]", "payload: must be a JSON object"),
                Arguments.of(PICK, "\"p-1\"", "payload: must be a JSON object"),
                Arguments.of(PICK, "{}", "eventId: is required; sequence: is required; timestamp: is required; "
                        + "sku: is required; quantity: is required"),
                Arguments.of(PICK, GOOD.replace("\"sequence\":7", "\"sequence\":\"7\""), "sequence: must be a whole number, not \"7\""),
                Arguments.of(PICK, GOOD.replace("\"sequence\":7", "\"sequence\":-1"), "sequence: must be between 0 and"),
                Arguments.of(PICK, GOOD.replace("\"quantity\":3", "\"quantity\":2.5"), "quantity: must be a whole number, not 2.5"),
                Arguments.of(PICK, GOOD.replace("\"quantity\":3", "\"quantity\":0"), "quantity: must be between 1 and 1000000000, not 0"),
                Arguments.of(PICK, GOOD.replace("\"quantity\":3", "\"quantity\":99999999999999999999999"),
                        "quantity: must be a whole number, not 99999999999999999999999"),
                Arguments.of(PICK, GOOD.replace("\"quantity\":3", "\"count\":3"), "quantity: is required"),
                Arguments.of(PICK, GOOD.replace("2026-11-27T09:00:00+01:00", "yesterday"),
                        "timestamp: 'yesterday' is not an ISO-8601 date-time with offset"),
                Arguments.of(PICK, GOOD.replace("\"p-1\"", "\"p 1\""), "eventId: 'p 1' must be 1 to 40 letters"),
                Arguments.of(PICK, GOOD.replace("\"TSHIRT-BLK-M\"", "42"), "sku: must be a non-empty string, not 42"),
                Arguments.of(PICK, "{\"pad\":\"" + "x".repeat(5000) + "\"}", "payload: is 5010 characters, at most 4096 are taken"),
                Arguments.of("maestro/nodes/DC-BKN/devices/HH-1/teleport", GOOD,
                        "topic eventType: unknown event type 'teleport', expected one of rfid-count, receipt, pick, shrink"),
                Arguments.of("maestro/nodes/DC-BKN/HH-1/pick", GOOD,
                        "topic: 'maestro/nodes/DC-BKN/HH-1/pick' is not maestro/nodes/{nodeId}/devices/{deviceId}/{eventType}"),
                Arguments.of("maestro/nodes/DC BKN/devices/HH-1/pick", GOOD, "topic nodeId: 'DC BKN' must be 1 to 40 letters"),
                Arguments.of("maestro/nodes/DC-BKN/devices/" + "H".repeat(31) + "/pick", GOOD, "topic deviceId: '"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void aMalformedMessageIsRefusedNamingWhatIsWrong(String topic, String payload, String reason) {
        assertThatThrownBy(() -> mapper.read(topic, payload)).isInstanceOf(InvalidDeviceEventException.class)
                .hasMessageStartingWith(reason);
    }
}
