package io.maestro.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A real HTTP client against the running test server, as an outside program would call Maestro. */
public final class Api {

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    /** How a request authenticates: nothing, a person's Basic credentials, or an API key. */
    public record Auth(String header, String value) {
        public static final Auth NONE = new Auth(null, null);

        public static Auth basic(String user, String password) {
            return new Auth("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        public static Auth apiKey(String key) {
            return new Auth("X-Api-Key", key);
        }

        public static Auth user(String name) {
            return basic(name, name);
        }
    }

    public static final Auth ADMIN = Auth.user("admin");
    public static final Auth INTEGRATION = Auth.apiKey("demo-integration-key");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, Auth auth) {
        return send("GET", path, null, auth);
    }

    public Response post(String path, Object body, Auth auth) {
        return send("POST", path, body, auth);
    }

    /** A multipart form: the fields, then a file part (left out when {@code fileName} is null). */
    public Response postForm(String path, Map<String, String> fields, String fileField, String fileName, String content,
                             Auth auth) {
        String boundary = "maestro-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        if (fileName != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                    .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append(content).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return exchange(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), auth);
    }

    /** A POST with one more header (e.g. {@code Idempotency-Key}). */
    public Response post(String path, Object body, Auth auth, String header, String value) {
        return send("POST", path, body, auth, Map.of(header, value));
    }

    /** Sends a request; a String body goes as it is (to send malformed JSON), anything else as JSON. */
    public Response send(String method, String path, Object body, Auth auth) {
        return send(method, path, body, auth, Map.of());
    }

    private Response send(String method, String path, Object body, Auth auth, Map<String, String> headers) {
        String payload;
        try {
            payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return exchange(request, auth);
    }

    private static Response exchange(HttpRequest.Builder request, Auth auth) {
        try {
            if (auth.header() != null) {
                request.header(auth.header(), auth.value());
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
