package io.maestro.devices.mqtt;

import io.maestro.devices.event.DeviceTopic;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * The values of the device route's {@code {{maestro.mqtt.*}}} placeholders: the broker (the configured external
 * one, or the embedded one on the port it got), the session's client id and expiry, the topic filter.
 */
@Component
public class MqttPlaceholders implements CamelContextConfiguration {

    private final MqttSettings settings;
    private final String brokerUrl;

    public MqttPlaceholders(MqttSettings settings, Optional<EmbeddedMqttBroker> embedded) {
        this.settings = settings;
        this.brokerUrl = settings.external() ? settings.url()
                : embedded.map(EmbeddedMqttBroker::url).orElse("tcp://" + settings.host() + ":" + settings.port());
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        var properties = camelContext.getPropertiesComponent();
        properties.addOverrideProperty("maestro.mqtt.broker-url", brokerUrl);
        properties.addOverrideProperty("maestro.mqtt.client-id", settings.clientId());
        properties.addOverrideProperty("maestro.mqtt.session-expiry-seconds", String.valueOf(settings.sessionExpiry().toSeconds()));
        properties.addOverrideProperty("maestro.mqtt.topic-filter", DeviceTopic.SUBSCRIPTION);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }
}
