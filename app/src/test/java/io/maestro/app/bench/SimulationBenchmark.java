package io.maestro.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.MaestroApplication;
import io.maestro.app.simulation.SimulateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code SimulationBenchmark [--orders N] [--scenario S] [--pause NODE]}: a what-if replay of N generated orders (10,000)
 * under two variants (as they are; {@code --pause} DC-EDISON paused) on the default run's H2 file database with demo
 * data, posted through the API as {@code ./maestro simulate} does. The baseline is the same replay of a tenth of the
 * orders in the same process: the ratio of orders/s shows whether a large replay slows down per order (its copy of
 * stock is consumed as it goes, so later orders search further).
 */
public final class SimulationBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LifecycleBenchmark.options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "10000"));
        String scenario = options.getOrDefault("scenario", "NORMAL_DAY");
        String pause = options.getOrDefault("pause", "DC-EDISON");
        Path dataDir = Files.createTempDirectory("maestro-bench-simulation");
        System.out.println("Starting Maestro (H2 file, demo data) ...");
        try (ConfigurableApplicationContext app = SpringApplication.run(MaestroApplication.class,
                LifecycleBenchmark.appArguments(dataDir, "h2", 0.02).toArray(String[]::new))) {
            String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            SimulateCommand command = new SimulateCommand(url, "analyst", "analyst", System.out);
            JsonNode baseline = run(command, Math.max(100, orders / 10), scenario, pause);
            long start = System.nanoTime();
            JsonNode measured = run(command, orders, scenario, pause);
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.println();
            System.out.printf(Locale.ROOT, "%-24s %10s %14s %14s%n", "variant", "orders", "orders/s", "vs baseline");
            for (int v = 0; v < measured.get("result").get("variants").size(); v++) {
                JsonNode m = measured.get("result").get("variants").get(v);
                JsonNode b = baseline.get("result").get("variants").get(v);
                double ratio = m.get("ordersPerSecond").asDouble() / b.get("ordersPerSecond").asDouble();
                System.out.printf(Locale.ROOT, "%-24s %10d %14.1f %13.2fx%n", m.get("name").asText(), m.get("orders").asInt(),
                        m.get("ordersPerSecond").asDouble(), ratio);
                System.out.printf(Locale.ROOT, "RESULT simulation_bench variant=\"%s\" orders=%d orders_per_s=%.1f "
                                + "baseline_orders=%d baseline_orders_per_s=%.1f ratio=%.2f%n", m.get("name").asText(),
                        m.get("orders").asInt(), m.get("ordersPerSecond").asDouble(), b.get("orders").asInt(),
                        b.get("ordersPerSecond").asDouble(), ratio);
            }
            System.out.printf(Locale.ROOT, "RESULT simulation_bench_total orders=%d variants=%d wall_seconds=%.1f%n", orders,
                    measured.get("result").get("variants").size(), wall);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static JsonNode run(SimulateCommand command, int orders, String scenario, String pause) throws Exception {
        JsonNode view = command.run(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "name", "benchmark " + orders,
                "source", Map.of("kind", "SCENARIO", "scenario", scenario, "orders", orders, "seed", 42),
                "variants", List.of(Map.of("name", "current"),
                        Map.of("name", "without " + pause, "network", Map.of("pausedNodes", List.of(pause)))))));
        if (view == null) {
            throw new IllegalStateException("The simulation did not finish");
        }
        return view;
    }
}
