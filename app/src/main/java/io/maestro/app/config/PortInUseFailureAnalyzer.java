package io.maestro.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** The HTTP port is taken: one line naming the port and the setting to change (instead of Spring's generic advice). */
public class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("HTTP port " + cause.getPort() + " is already in use: set server.port (SERVER_PORT)"
                + " to a free port.", "Stop the process listening on port " + cause.getPort()
                + " or start Maestro with --server.port=<free port>.", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
