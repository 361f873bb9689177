package io.maestro.app.durability;

import static org.awaitility.Awaitility.await;

import io.maestro.app.MaestroApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Maestro in a JVM of its own (this test's classpath), so it can be killed like a real process: SIGKILL, no shutdown. */
public final class ChildMaestro {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    public final int port;

    private ChildMaestro(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application with these arguments on a free port and waits until it is ready for traffic. */
    public static ChildMaestro start(Path log, List<String> arguments) throws IOException {
        ChildMaestro child = spawn(log, arguments);
        try {
            await("Maestro's start (log " + log + ")").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!child.process.isAlive()) {
                            throw new IllegalStateException("Maestro exited with " + child.process.exitValue() + ":\n"
                                    + child.logTail());
                        }
                        return child.healthy();
                    });
        } catch (RuntimeException e) {
            child.process.destroyForcibly();
            throw new IllegalStateException("Maestro did not get ready:\n" + child.logTail(), e);
        }
        return child;
    }

    /** Starts the application with these arguments on a free port and returns at once (a worker has no web server). */
    public static ChildMaestro spawn(Path log, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), MaestroApplication.class.getName(),
                "--server.port=" + port, "--spring.main.banner-mode=off",
                // Ready once the application runners (demo data) are done, not as soon as the web server answers.
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildMaestro(process, log, port);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** SIGKILL: no shutdown hook, no flush, like {@code kill -9} or a power cut of the JVM alone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the application as {@code kill} (SIGTERM) would: its shutdown runs. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public long pid() {
        return process.pid();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
