package io.maestro.integrations;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where this application answers HTTP, for the sandbox partners it hosts: {@code maestro.partners.sandbox-url}
 * when set, else localhost on the port the web server took (also a random one in tests).
 */
@Component
public class LocalServer {

    private final Environment environment;

    public LocalServer(Environment environment) {
        this.environment = environment;
    }

    public String baseUrl() {
        String configured = environment.getProperty("maestro.partners.sandbox-url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** Replaces {@code {sandbox}} in a configured URL with this application's base URL. */
    public String resolve(String url) {
        return url.replace("{sandbox}", baseUrl());
    }
}
