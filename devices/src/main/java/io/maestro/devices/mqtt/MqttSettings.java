package io.maestro.devices.mqtt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maestro.mqtt.*}: the broker devices publish to. Without {@code url} an embedded broker starts on
 * {@code host:port}; with it Maestro connects there and starts none.
 *
 * @param enabled        whether this process consumes device events at all (off for a standalone worker)
 * @param url            an external broker, e.g. {@code tcp://mosquitto:1883}; blank for the embedded one
 * @param host           the interface the embedded broker binds to
 * @param port           the embedded broker's port; 0 picks a free one
 * @param clientId       the fixed client id of Maestro's persistent session; unique per Maestro instance
 * @param sessionExpiry  how long the broker keeps the session (and queues QoS 1 messages) while Maestro is away
 */
@ConfigurationProperties("maestro.mqtt")
public record MqttSettings(@DefaultValue("true") boolean enabled, String url, @DefaultValue("localhost") String host,
                           @DefaultValue("1883") int port, @DefaultValue("maestro") String clientId,
                           @DefaultValue("7d") Duration sessionExpiry) {

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
