package io.maestro.routes.testing;

import com.sun.net.httpserver.HttpServer;
import io.maestro.integrations.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A customer system's webhook on a local HTTP server: keeps the bodies whose signature holds, refuses the others. */
public final class NotificationReceiver {

    public static final String SECRET = "notification-webhook-secret";
    public static final NotificationReceiver INSTANCE = new NotificationReceiver();

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notifications", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean signed = WebhookSignature.verify(SECRET, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            if (signed) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/notifications";
    }

    public List<String> received() {
        return received;
    }
}
