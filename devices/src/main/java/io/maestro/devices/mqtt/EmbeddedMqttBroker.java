package io.maestro.devices.mqtt;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The MQTT 5 broker of the default run (HiveMQ Community Edition, embedded), when no external broker is
 * configured. Its file persistence under {@code maestro.data-dir/mqtt} keeps sessions, subscriptions and queued
 * QoS 1 messages across a restart. It listens on {@code maestro.mqtt.host} only (localhost by default).
 */
@Component
@Conditional(EmbeddedBrokerCondition.class)
public class EmbeddedMqttBroker implements DisposableBean {

    /** Messages the broker keeps per offline session (HiveMQ's default of 1,000 would drop device events). */
    static final long MAX_QUEUED_MESSAGES = 1_000_000;
    /** QoS 1 messages a publisher may have unconfirmed at once (HiveMQ's default: 10). */
    static final int RECEIVE_MAXIMUM = 100;
    /**
     * QoS 1 messages the broker sends Maestro's session before the first is acknowledged (HiveMQ's default: 50).
     * Maestro acknowledges a message only after the transaction of its batch committed, so this window is the
     * largest batch the device route can gather: as large as {@link DeviceMessageBatcher#MAX_BATCH}.
     */
    static final int IN_FLIGHT_WINDOW = DeviceMessageBatcher.MAX_BATCH;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final EmbeddedHiveMQ broker;
    private final String host;
    private final int port;

    public EmbeddedMqttBroker(MqttSettings settings, @Value("${maestro.data-dir:./data}") String dataDir) {
        Path home = Path.of(dataDir, "mqtt").toAbsolutePath();
        this.host = settings.host();
        try {
            this.port = settings.port() == 0 ? freePort() : free(host, settings.port());
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), config(host, port, settings.sessionExpiry().toSeconds()));
            Path data = Files.createDirectories(home.resolve("data"));
            // HiveMQ CE has no configuration entries for these; its internal settings are these static fields.
            InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = IN_FLIGHT_WINDOW;
            BrokerStores.configure(data);
            broker = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MQTT broker in " + home, e);
        }
        Thread.UncaughtExceptionHandler maestros = Thread.getDefaultUncaughtExceptionHandler();
        try {
            broker.start().join();
        } catch (CompletionException e) {
            // The broker's threads would keep the JVM alive after the application gave up.
            IllegalStateException failed = new IllegalStateException("Cannot start the embedded MQTT broker on " + url()
                    + " (see the broker's log above)", e.getCause());
            try {
                broker.close();
            } catch (ExecutionException | InterruptedException closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        } finally {
            // HiveMQ installs a JVM-wide handler of its own (that may exit the JVM); the application keeps its own.
            Thread.setDefaultUncaughtExceptionHandler(maestros);
        }
        log.info("Embedded MQTT broker listening on {}, data in {}", url(), home);
    }

    public String url() {
        return "tcp://" + host + ":" + port;
    }

    private static String config(String host, int port, long sessionExpirySeconds) {
        return """
                <?xml version="1.0"?>
                <!-- Written by Maestro on every start from maestro.mqtt.*; edits here are overwritten. -->
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <session-expiry>
                            <max-interval>%d</max-interval>
                        </session-expiry>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, host, MAX_QUEUED_MESSAGES, sessionExpirySeconds, RECEIVE_MAXIMUM);
    }

    /**
     * The configured port, checked free before the broker starts: HiveMQ reports a taken port only from its own
     * threads, after it has opened its stores.
     */
    private static int free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return port;
        } catch (IOException e) {
            throw new MqttPortInUseException(host, port, e);
        }
    }

    /** A port the operating system has free now, for {@code maestro.mqtt.port=0} (tests). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void destroy() throws ExecutionException, InterruptedException {
        broker.close();
    }
}
