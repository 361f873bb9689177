package io.maestro.devices.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.devices.event.DeviceEvent;
import io.maestro.devices.event.DeviceEventMapper;
import io.maestro.devices.event.DeviceEventType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulated stream is one a real node could produce, and the command line says what is wrong with it. */
class SimulatedNodeTest {

    private final DeviceEventMapper mapper = new DeviceEventMapper();

    @Test
    void everySkuIsCountedFirstPicksNeverTakeMoreThanIsOnTheShelfAndEachDeviceNumbersItsMessages() {
        SimulatedNode node = new SimulatedNode("DC-BROOKLYN", List.of("RFID-01", "HH-02", "HH-03"),
                List.of("TSHIRT-BLK-M", "CAP-RED", "SHOE-RUN-42"), new Random(7), Clock.systemUTC());
        Map<String, Long> shelf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Map<DeviceEventType, Integer> types = new HashMap<>();

        for (int i = 0; i < 5_000; i++) {
            SimulatedNode.Message message = node.next();
            DeviceEvent event = mapper.read(message.topic(), mapper.write(message.payload()));
            types.merge(event.topic().type(), 1, Integer::sum);
            assertThat(event.sequence()).isGreaterThan(lastSequence.getOrDefault(event.topic().deviceId(), 0L));
            lastSequence.put(event.topic().deviceId(), event.sequence());
            switch (event.topic().type()) {
                case RFID_COUNT -> shelf.put(event.sku(), event.quantity());
                case RECEIPT -> shelf.merge(event.sku(), event.quantity(), Long::sum);
                case PICK, SHRINK -> {
                    assertThat(shelf).as("counted before it moves").containsKey(event.sku());
                    assertThat(shelf.get(event.sku())).isGreaterThanOrEqualTo(event.quantity());
                    shelf.merge(event.sku(), -event.quantity(), Long::sum);
                }
            }
        }
        assertThat(types).containsOnlyKeys(DeviceEventType.values());
        assertThat(types.get(DeviceEventType.PICK)).isGreaterThan(types.get(DeviceEventType.RECEIPT));
        assertThat(lastSequence).containsOnlyKeys("RFID-01", "HH-02", "HH-03");
    }

    @Test
    void withoutSkusTheDemoCatalogueGivesOnePerFamilyColourAndSize() {
        assertThat(DeviceSimulator.Options.parse(new String[] {"--node", "DC-BROOKLYN"}).skus()).containsExactly(
                "TSHIRT-BLK-S", "TSHIRT-BLK-M", "TSHIRT-WHT-S", "TSHIRT-WHT-M", "SHOE-RUN-41", "SHOE-RUN-42", "SHOE-RUN-43",
                "HEADLAMP");
        assertThat(DeviceSimulator.Options.parse(new String[] {"--node", "DC-BROOKLYN", "--skus", "A, B"}).skus())
                .containsExactly("A", "B");
    }

    @Test
    void theCommandLineIsChecked() {
        DeviceSimulator.Options options = DeviceSimulator.Options.parse(new String[] {"--node=DC-BROOKLYN", "--devices", "5",
            "--rate", "200/s", "--events", "1000", "--skus", "A"});
        assertThat(options).extracting(DeviceSimulator.Options::devices, DeviceSimulator.Options::rate,
                DeviceSimulator.Options::events).containsExactly(5, 200.0, 1000L);

        assertThatThrownBy(() -> DeviceSimulator.Options.parse(new String[] {"--skus", "A"})).hasMessageContaining("--node is required");
        assertThatThrownBy(() -> DeviceSimulator.Options.parse(new String[] {"--node", "X", "--rate", "fast", "--skus", "A"}))
                .hasMessage("--rate must be a whole number above 0, not 'fast'");
        assertThatThrownBy(() -> DeviceSimulator.Options.parse(new String[] {"--node", "X", "--colour", "red"}))
                .hasMessage("unknown option --colour");
    }
}
