package io.maestro.app.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.devices.mqtt.MqttPlaceholders;
import io.maestro.devices.simulator.DevicePublisher;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The assembled application takes a scanner's receipt from its embedded MQTT broker into the stock the API shows. */
@MaestroTest
class WarehouseDevicesTest {

    @LocalServerPort int port;
    @Autowired MqttPlaceholders mqtt;

    @Test
    void aReceiptScannedAtBrooklynShowsInItsStock() {
        Api api = new Api(port);
        long before = onHand(api);
        String eventId = "rcv-" + UUID.randomUUID().toString().substring(0, 8);

        try (DevicePublisher scanner = new DevicePublisher(mqtt.brokerUrl(), null)) {
            scanner.publish("maestro/nodes/DC-BROOKLYN/devices/HH-07/receipt", "{\"eventId\":\"" + eventId + "\",\"sequence\":1,"
                    + "\"timestamp\":\"2026-11-27T09:00:00Z\",\"sku\":\"TSHIRT-BLK-M\",\"quantity\":7}");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> onHand(api) == before + 7);
    }

    private static long onHand(Api api) {
        return api.get("/api/inventory/nodes/DC-BROOKLYN", Api.ADMIN).json().findParents("sku").stream()
                .filter(p -> p.get("sku").asText().equals("TSHIRT-BLK-M")).findFirst()
                .map(p -> p.get("onHand").asLong()).orElse(0L);
    }
}
