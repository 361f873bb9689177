package io.maestro.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.MaestroApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port another process holds stops Maestro with one line naming the port and the setting to change, and its JVM
 * exits (the embedded MQTT broker's threads used to keep it alive). Each case runs Maestro in a JVM of its own.
 */
class PortInUseTest {

    @TempDir Path dir;

    @Test
    void aTakenHttpPortNamesServerPortAndTheJvmExits() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String log = runUntilExit("--server.port=" + taken.getLocalPort(), "--maestro.mqtt.port=0");
            assertThat(log).contains("HTTP port " + taken.getLocalPort()
                    + " is already in use: set server.port (SERVER_PORT) to a free port.");
        }
    }

    @Test
    void aTakenMqttPortNamesMaestroMqttPortAndTheJvmExits() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String log = runUntilExit("--server.port=0", "--maestro.mqtt.port=" + taken.getLocalPort());
            assertThat(log).contains("MQTT port " + taken.getLocalPort()
                    + " on localhost is already in use: set maestro.mqtt.port (MAESTRO_MQTT_PORT) to a free port");
            assertThat(log).doesNotContain("Started MaestroApplication");
        }
    }

    /** Runs Maestro with these arguments; returns its output once its JVM exited, which must be with a failure. */
    private String runUntilExit(String... arguments) throws IOException, InterruptedException {
        Path log = dir.resolve("maestro.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), MaestroApplication.class.getName(),
                "--spring.main.banner-mode=off", "--maestro.worker.enabled=false",
                "--maestro.data-dir=" + dir.resolve("data")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // A guard against a hanging JVM (the defect this test is about), not a measure of speed.
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("Maestro's JVM exits; log:\n%s", tail(log)).isTrue();
            assertThat(process.exitValue()).isNotZero();
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
