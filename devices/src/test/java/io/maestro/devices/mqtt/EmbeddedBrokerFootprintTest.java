package io.maestro.devices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.migration.meta.PersistenceType;
import io.maestro.devices.simulator.DevicePublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's stores stay small on disk: a fresh data directory that held sessions, queued QoS 1 messages
 * and a retained message takes well under 200 MB (HiveMQ's defaults preallocated 0.5–1.7 GB), and a store written
 * with other settings keeps them.
 */
class EmbeddedBrokerFootprintTest {

    private static final long MAX_BYTES = 200L * 1024 * 1024;

    @TempDir Path dir;

    @Test
    void aFreshBrokerThatQueuedMessagesAndKeptARetainedOneTakesLessThan200Mb() throws Exception {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(settings(), dir.toString());
        try {
            String offline = "maestro-offline";
            MqttClient subscriber = new MqttClient(broker.url(), offline, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(3600L);
            subscriber.connect(options);
            subscriber.subscribe("maestro/nodes/#", 1);
            subscriber.disconnect();
            subscriber.close();
            try (DevicePublisher dock = new DevicePublisher(broker.url(), null)) {
                for (int i = 0; i < 500; i++) {
                    dock.publish("maestro/nodes/DC-BKN/devices/DOCK-1/receipt", "{\"eventId\":\"r-" + i + "\"}");
                }
            }
            MqttClient status = new MqttClient(broker.url(), "status", new MemoryPersistence());
            status.connect();
            MqttMessage retained = new MqttMessage("online".getBytes(StandardCharsets.UTF_8));
            retained.setQos(1);
            retained.setRetained(true);
            status.publish("maestro/nodes/DC-BKN/status", retained);
            status.disconnect();
            status.close();
        } finally {
            broker.destroy();
        }
        assertThat(diskUsage(dir)).as("bytes on disk under %s", dir).isLessThan(MAX_BYTES);
    }

    @Test
    void aStoreWrittenWithOtherSettingsKeepsItsBucketCountAndKind() throws IOException {
        Path data = dir.resolve("data");
        for (int i = 0; i < 64; i++) {
            Files.createDirectories(data.resolve("persistence/client_session_store/040000/client_session_store_" + i));
            Files.createDirectories(data.resolve("persistence/retained_messages/040500_R/retained_messages_" + i));
        }
        BrokerStores.configure(data);
        assertThat(InternalConfigurations.PERSISTENCE_BUCKET_COUNT.get()).isEqualTo(64);
        assertThat(InternalConfigurations.PAYLOAD_PERSISTENCE_BUCKET_COUNT.get()).isEqualTo(BrokerStores.BUCKETS);
        assertThat(InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.get()).isEqualTo(PersistenceType.FILE_NATIVE);

        BrokerStores.configure(dir.resolve("fresh"));
        assertThat(InternalConfigurations.PERSISTENCE_BUCKET_COUNT.get()).isEqualTo(BrokerStores.BUCKETS);
        assertThat(InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.get()).isEqualTo(PersistenceType.FILE);
    }

    private static MqttSettings settings() {
        return new MqttSettings(true, null, "localhost", 0, "maestro", Duration.ofDays(7));
    }

    /** Blocks allocated, as {@code du} counts them: the stores preallocate files whose length stays small. */
    private static long diskUsage(Path path) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", path.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(du.waitFor()).as(out).isZero();
        return Long.parseLong(out.split("\\s+")[0]) * 1024;
    }
}
