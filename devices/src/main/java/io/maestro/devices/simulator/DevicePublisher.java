package io.maestro.devices.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes device messages at QoS 1 the way a device gateway does: several in flight at once, each confirmed by
 * the broker. {@link #close()} waits for every confirmation.
 */
public class DevicePublisher implements AutoCloseable {

    private static final int IN_FLIGHT = 64;

    private final MqttAsyncClient client;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public DevicePublisher(String brokerUrl, String clientId) {
        try {
            client = new MqttAsyncClient(brokerUrl, clientId == null ? "device-" + UUID.randomUUID() : clientId,
                    new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setConnectionTimeout(10);
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot connect to the MQTT broker at " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    /** Sends one message at QoS 1; blocks only while {@value #IN_FLIGHT} earlier ones await the broker's confirmation. */
    public void publish(String topic, String payload) {
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Publishing failed: " + failed.getMessage(), failed);
        }
        try {
            inFlight.acquire();
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    confirmed.incrementAndGet();
                    inFlight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failure.compareAndSet(null, exception);
                    inFlight.release();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (MqttException e) {
            inFlight.release();
            throw new IllegalStateException("Cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Messages the broker confirmed so far. */
    public long confirmed() {
        return confirmed.get();
    }

    @Override
    public void close() {
        try {
            if (!inFlight.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The broker did not confirm " + (IN_FLIGHT - inFlight.availablePermits())
                        + " messages within 30 s");
            }
            client.disconnect().waitForCompletion(5_000);
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot disconnect from the MQTT broker: " + e.getMessage(), e);
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Publishing failed: " + failed.getMessage(), failed);
        }
    }
}
