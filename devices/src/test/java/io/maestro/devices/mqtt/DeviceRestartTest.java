package io.maestro.devices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.TestData;
import io.maestro.devices.DevicesTestApplication;
import io.maestro.devices.simulator.DevicePublisher;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * QoS 1 on a persistent session: what devices publish while Maestro does not consume waits in the broker and is
 * applied once Maestro is back, with the embedded broker (its store under the data directory) and with an
 * external one (then no embedded broker starts).
 */
class DeviceRestartTest {

    private static final String RECEIPT = "maestro/nodes/DC-BKN/devices/DOCK-1/receipt";

    @TempDir Path dir;

    /** More than two in-flight windows, so the waiting messages come back in several full batches. */
    private static final int QUEUED = 2 * EmbeddedMqttBroker.IN_FLIGHT_WINDOW + 7;

    @Test
    void eventsPublishedWhileTheRouteIsDownWaitInTheEmbeddedBrokerAcrossARestart() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext maestro = start("--maestro.mqtt.port=" + port)) {
            TestData.seed(maestro.getBean(NetworkService.class), maestro.getBean(CatalogService.class));
            maestro.getBean(CamelContext.class).getRouteController().stopRoute("device-events");
            try (DevicePublisher dock = new DevicePublisher(maestro.getBean(MqttPlaceholders.class).brokerUrl(), null)) {
                for (int i = 1; i <= QUEUED; i++) {
                    dock.publish(RECEIPT, receipt("r-" + i, i, 2));
                }
                dock.publish(RECEIPT, receipt("r-1", 1, 2));
            }
            assertThat(onHand(maestro)).isZero();
        }

        try (ConfigurableApplicationContext maestro = start("--maestro.mqtt.port=" + port)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> onHand(maestro) == 2L * QUEUED);
            assertThat(maestro.getBean(InventoryLedger.class).entries("DC-BKN", "TSHIRT-BLK-M")).hasSize(QUEUED);
        }
    }

    @Test
    void withAnExternalBrokerNoEmbeddedOneStartsAndWhatIsPublishedWhileMaestroIsStoppedArrivesAfterItStarts()
            throws Exception {
        int port = freePort();
        EmbeddedMqttBroker mosquittoStandIn = new EmbeddedMqttBroker(
                new MqttSettings(true, null, "localhost", port, "unused", Duration.ofDays(1)), dir.resolve("external").toString());
        try {
            String url = mosquittoStandIn.url();
            try (ConfigurableApplicationContext maestro = start("--maestro.mqtt.url=" + url)) {
                assertThat(maestro.getBeansOfType(EmbeddedMqttBroker.class)).isEmpty();
                assertThat(maestro.getBean(MqttPlaceholders.class).brokerUrl()).isEqualTo(url);
                TestData.seed(maestro.getBean(NetworkService.class), maestro.getBean(CatalogService.class));
                try (DevicePublisher dock = new DevicePublisher(url, null)) {
                    dock.publish(RECEIPT, receipt("r-1", 1, 5));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> onHand(maestro) == 5);
            }

            try (DevicePublisher dock = new DevicePublisher(url, null)) {
                dock.publish(RECEIPT, receipt("r-2", 2, 1));
                dock.publish(RECEIPT, receipt("r-3", 3, 1));
                dock.publish(RECEIPT, receipt("r-1", 1, 5));
            }

            try (ConfigurableApplicationContext maestro = start("--maestro.mqtt.url=" + url)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> onHand(maestro) == 7);
                assertThat(maestro.getBean(InventoryLedger.class).entries("DC-BKN", "TSHIRT-BLK-M")).hasSize(3);
            }
        } finally {
            mosquittoStandIn.destroy();
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/maestro";
        all[1] = "--maestro.data-dir=" + dir.resolve("maestro").toAbsolutePath();
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(DevicesTestApplication.class).run(all);
    }

    private static long onHand(ConfigurableApplicationContext maestro) {
        return maestro.getBean(InventoryQueries.class).position("DC-BKN", "TSHIRT-BLK-M").map(InventoryPosition::onHand)
                .orElse(0L);
    }

    private static String receipt(String eventId, long sequence, long quantity) {
        return "{\"eventId\":\"" + eventId + "\",\"sequence\":" + sequence + ",\"timestamp\":\"2026-11-27T09:00:00Z\","
                + "\"sku\":\"TSHIRT-BLK-M\",\"quantity\":" + quantity + "}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
