package io.maestro.devices.mqtt;

/** The embedded broker's port is taken by another process: the application cannot start its broker there. */
public class MqttPortInUseException extends IllegalStateException {

    private final String host;
    private final int port;

    public MqttPortInUseException(String host, int port, Throwable cause) {
        super("MQTT port " + port + " on " + host + " is already in use: set maestro.mqtt.port (MAESTRO_MQTT_PORT) to a"
                + " free port, or MAESTRO_MQTT_URL to use an external broker", cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
