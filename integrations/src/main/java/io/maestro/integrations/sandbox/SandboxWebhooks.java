package io.maestro.integrations.sandbox;

import io.maestro.integrations.Json;
import io.maestro.integrations.LocalServer;
import io.maestro.integrations.WebhookSignature;
import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How the sandbox partners answer: a signed POST to Maestro's webhook, tried again a simulated hour later while
 * Maestro does not take it, as real partners do.
 */
@Component
public class SandboxWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);
    private static final double RETRY_AFTER_DAYS = 1.0 / 24;

    private final LocalServer server;
    private final SimulatedTime time;
    private final SandboxProperties properties;
    private final RestClient http;

    public SandboxWebhooks(LocalServer server, SimulatedTime time, SandboxProperties properties) {
        this.server = server;
        this.time = time;
        this.properties = properties;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.http = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(client)).build();
    }

    /** Sends the message to {@code path} of Maestro, signed with {@code secret}. */
    public void send(String path, String secret, Object message) {
        String body = Json.write(message);
        attempt(path, secret, body, 1);
    }

    private void attempt(String path, String secret, String body, int attempt) {
        try {
            http.post().uri(server.baseUrl() + path).contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            if (attempt >= properties.getCallbackAttempts()) {
                log.warn("Sandbox webhook {} given up after {} attempts: {}", path, attempt, e.getMessage());
                return;
            }
            time.after(RETRY_AFTER_DAYS, () -> attempt(path, secret, body, attempt + 1));
        }
    }
}
