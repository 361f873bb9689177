package io.maestro.devices.mqtt;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5ComponentConfigurer;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5EndpointConfigurer;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paho-mqtt5} with a consumer fit for a persistent session. Camel's own consumer connects first and sets
 * its callback afterwards; on a resumed session the broker sends the messages that waited right after the
 * connect, and Paho drops those that arrive before the callback (and acknowledges them unless acknowledgements
 * are manual). This consumer sets the callback before it connects, and acknowledges each message only when its
 * exchange completed: a failed one stays unacknowledged and the broker sends it again on the next connect.
 */
public class PersistentSessionMqttComponent extends PahoMqtt5Component {

    private static final PropertyConfigurer COMPONENT_OPTIONS = new PahoMqtt5ComponentConfigurer();
    private static final PropertyConfigurer ENDPOINT_OPTIONS = new PahoMqtt5EndpointConfigurer();

    /** Camel finds a component's option setters by its class; these are paho-mqtt5's own. */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return COMPONENT_OPTIONS;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return ENDPOINT_OPTIONS;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PahoMqtt5Endpoint configured = (PahoMqtt5Endpoint) super.createEndpoint(uri, remaining, parameters);
        return new SessionEndpoint(uri, configured, this);
    }

    static class SessionEndpoint extends PahoMqtt5Endpoint {

        SessionEndpoint(String uri, PahoMqtt5Endpoint configured, PersistentSessionMqttComponent component) {
            super(uri, configured.getTopic(), component, configured.getConfiguration());
        }

        MqttConnectionOptions connectionOptions() {
            return createMqttConnectionOptions();
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            SessionConsumer consumer = new SessionConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }

    static class SessionConsumer extends DefaultConsumer {

        private static final Logger log = LoggerFactory.getLogger(SessionConsumer.class);

        private volatile MqttClient client;

        SessionConsumer(SessionEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        public SessionEndpoint getEndpoint() {
            return (SessionEndpoint) super.getEndpoint();
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            SessionEndpoint endpoint = getEndpoint();
            client = new MqttClient(endpoint.getConfiguration().getBrokerUrl(), endpoint.getConfiguration().getClientId(),
                    new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(new Callback());
            client.connect(endpoint.connectionOptions());
            client.subscribe(endpoint.getTopic(), endpoint.getConfiguration().getQos());
        }

        @Override
        protected void doStop() throws Exception {
            MqttClient stopping = client;
            client = null;
            if (stopping != null) {
                if (stopping.isConnected()) {
                    stopping.disconnect();
                }
                stopping.close();
            }
            super.doStop();
        }

        private void arrived(String topic, MqttMessage message) {
            MqttClient receiver = client;
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(message.getPayload());
            exchange.getMessage().setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
            exchange.getMessage().setHeader(PahoMqtt5Constants.MQTT_QOS, message.getQos());
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    try {
                        receiver.messageArrivedComplete(message.getId(), message.getQos());
                    } catch (MqttException e) {
                        log.warn("Cannot acknowledge MQTT message {} on {}; the broker sends it again: {}", message.getId(),
                                topic, e.getMessage());
                    }
                }
            });
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        }

        private final class Callback implements MqttCallback {

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived(topic, message);
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                MqttClient connected = client;
                if (reconnect && connected != null) {
                    try {
                        connected.subscribe(getEndpoint().getTopic(), getEndpoint().getConfiguration().getQos());
                    } catch (MqttException e) {
                        log.error("MQTT resubscribe to {} failed: {}", getEndpoint().getTopic(), e.getMessage(), e);
                    }
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                log.warn("MQTT broker {} disconnected: {}", getEndpoint().getConfiguration().getBrokerUrl(),
                        response.getReasonString());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("MQTT error: {}", exception.getMessage());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        }
    }
}
