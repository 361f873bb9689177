package io.maestro.routes.testing;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.sandbox.SandboxFaults;
import io.maestro.integrations.sandbox.SandboxProperties;
import io.maestro.routes.PartnerCircuitBreakers;
import io.maestro.routes.RoutesTestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application for every route test (one Spring context): core on H2, the routes, the sandbox partners and
 * the sandbox mail server on a free port, a few New York nodes. Tests talk to it over real HTTP.
 */
@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PartnersTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected SandboxProperties sandbox;
    @Autowired
    protected SandboxFaults faults;
    @Autowired
    protected PartnerCircuitBreakers breakers;
    @Autowired
    private NetworkService network;
    @Autowired
    private CatalogService catalog;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws IOException {
        registry.add("maestro.data-dir", Files.createTempDirectory("maestro-partners")::toString);
        registry.add("maestro.notifications.webhook.url", () -> NotificationReceiver.INSTANCE.url());
        registry.add("maestro.notifications.webhook.secret", () -> NotificationReceiver.SECRET);
    }

    @BeforeEach
    void freshState() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        faults.clearAll();
        breakers.closeAll();
        sandbox.setRejectionRate(0);
        sandbox.setDelayRate(0);
    }

    protected HttpResponse<String> post(String path, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postBytes(String path, byte[] body, String signature) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<String> signedPost(String path, String secret, String body) {
        return post(path, body, WebhookSignature.sign(secret, body));
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    protected HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds (the sandbox partners answer on their own time), at most ten seconds. */
    protected static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
