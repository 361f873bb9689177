package io.maestro.app.config;

import io.maestro.devices.mqtt.MqttPortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded MQTT broker's port is taken: one line naming the port and the setting to change. */
public class MqttPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<MqttPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MqttPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage() + ".", "Stop the process listening on port " + cause.port()
                + " or start Maestro with --maestro.mqtt.port=<free port>.", cause);
    }
}
