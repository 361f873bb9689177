package io.maestro.devices.mqtt;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Warehouse devices: every message under {@code maestro/nodes/+/devices/+/+}, QoS 1 on a persistent session
 * (fixed client id, no clean start, a session expiry), so what devices publish while Maestro is away waits in the
 * broker. A message is acknowledged only after its batch was committed to the ledger (or it was kept as a dead
 * letter); one whose processing failed stays unacknowledged and comes again when the session reconnects.
 */
@Component
@ConditionalOnProperty(name = "maestro.mqtt.enabled", havingValue = "true", matchIfMissing = true)
public class DeviceRoutes extends RouteBuilder {

    static final String ROUTE_ID = "device-events";

    private final DeviceMessageBatcher batcher;

    public DeviceRoutes(DeviceMessageBatcher batcher) {
        this.batcher = batcher;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(200).backOffMultiplier(2)
                .useExponentialBackOff().logExhausted(true));

        from("paho-mqtt5:{{maestro.mqtt.topic-filter}}?brokerUrl={{maestro.mqtt.broker-url}}"
                + "&clientId={{maestro.mqtt.client-id}}&qos=1&cleanStart=false"
                + "&sessionExpiryInterval={{maestro.mqtt.session-expiry-seconds}}&manualAcksEnabled=true")
                .routeId(ROUTE_ID)
                .process(batcher);
    }
}
