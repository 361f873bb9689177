package io.maestro.app.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./maestro simulate}: posts a what-if replay to a running Maestro, prints its progress, then the variants side
 * by side, the busiest nodes, the changed orders with their reasons, and one {@code RESULT} line per variant. Options:
 * {@code --url} (http://localhost:8080), {@code --user}/{@code --password} (analyst), {@code --scenario}
 * (NORMAL_DAY, BLACK_FRIDAY, REGIONAL_SURGE, NODE_OUTAGE, TOP_SKU_STOCKOUT), {@code --orders}, {@code --seed},
 * {@code --multiplier}, {@code --region}, {@code --node}, {@code --from}/{@code --to} (a recorded period instead),
 * {@code --pause NODE} (the second variant pauses it), {@code --carbon-price}, {@code --split-penalty} (the second
 * variant's settings), {@code --candidate FILE} (the second variant's fulfillment-policy, not deployed), or
 * {@code --request FILE} (a whole request body as JSON, see the README).
 */
public final class SimulateCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String authorization;
    private final PrintStream out;

    public SimulateCommand(String url, String user, String password, PrintStream out) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        SimulateCommand command = new SimulateCommand(options.getOrDefault("url", "http://localhost:8080"),
                options.getOrDefault("user", "analyst"), options.getOrDefault("password", "analyst"), System.out);
        JsonNode result = command.run(request(options));
        System.exit(result == null ? 1 : 0);
    }

    /** The request the options describe. */
    static JsonNode request(Map<String, String> options) throws IOException {
        if (options.containsKey("request")) {
            return JSON.readTree(Files.readString(Path.of(options.get("request"))));
        }
        ObjectNode request = JSON.createObjectNode();
        ObjectNode source = request.putObject("source");
        if (options.containsKey("from")) {
            source.put("kind", "RECORDED").put("from", options.get("from")).put("to", options.get("to"));
        } else {
            source.put("kind", "SCENARIO").put("scenario", options.getOrDefault("scenario", "NORMAL_DAY"))
                    .put("orders", Integer.parseInt(options.getOrDefault("orders", "1000")))
                    .put("seed", Long.parseLong(options.getOrDefault("seed", "1")));
            putIfSet(source, "volumeMultiplier", options.get("multiplier"), true);
            putIfSet(source, "region", options.get("region"), false);
            putIfSet(source, "nodeId", options.get("node"), false);
        }
        ArrayNode variants = request.putArray("variants");
        variants.addObject().put("name", "current");
        ObjectNode candidate = variants.addObject();
        StringBuilder name = new StringBuilder();
        if (options.containsKey("pause")) {
            candidate.putObject("network").putArray("pausedNodes").add(options.get("pause"));
            name.append("without ").append(options.get("pause")).append(' ');
        }
        if (options.containsKey("carbon-price") || options.containsKey("split-penalty")) {
            ObjectNode settings = candidate.putObject("settings");
            putIfSet(settings, "carbonPricePerKg", options.get("carbon-price"), true);
            putIfSet(settings, "splitPenalty", options.get("split-penalty"), true);
            name.append("settings ").append(settings).append(' ');
        }
        if (options.containsKey("candidate")) {
            candidate.putObject("decisions").putObject(DecisionTables.POLICY)
                    .put("xml", Files.readString(Path.of(options.get("candidate"))));
            name.append("candidate policy ");
        }
        candidate.put("name", name.isEmpty() ? "candidate" : name.toString().trim());
        request.put("name", "maestro simulate: " + candidate.get("name").asText());
        return request;
    }

    private static void putIfSet(ObjectNode node, String field, String value, boolean number) {
        if (value != null) {
            if (number) {
                node.put(field, Double.parseDouble(value));
            } else {
                node.put(field, value);
            }
        }
    }

    /** Posts, follows progress and prints the comparison; the final view, or null when it did not finish. */
    public JsonNode run(JsonNode request) throws IOException, InterruptedException {
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(url + "/api/simulations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        if (accepted.statusCode() != 202) {
            out.println("Not accepted (" + accepted.statusCode() + "): " + accepted.body());
            return null;
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        out.println("Simulation " + JSON.readTree(accepted.body()).get("simulationId").asText() + " accepted: " + url + location);
        String last = "";
        while (true) {
            JsonNode view = JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + location)).GET()).body());
            String status = view.get("status").asText();
            JsonNode progress = view.get("progress");
            String line = String.format(Locale.ROOT, "  %-11s %6d of %6d (%.1f %%)", status, progress.get("done").asInt(),
                    progress.get("total").asInt(), progress.get("percent").asDouble());
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                if (!status.equals("DONE")) {
                    out.println("Simulation " + status + ": " + view.get("error").asText());
                    return null;
                }
                print(view.get("result"));
                out.println("CSV: " + url + location + ".csv");
                return view;
            }
            Thread.sleep(1000);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", authorization).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The variants side by side, then each variant's busiest nodes and up to 10 changed orders. */
    void print(JsonNode result) {
        out.println();
        out.println(result.get("source").asText());
        JsonNode variants = result.get("variants");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("orders", "orders");
        rows.put("held", "held for review");
        rows.put("costPerOrder", "cost per order ($)");
        rows.put("carrierPricePerOrder", "carrier price per order ($)");
        rows.put("splitRate", "split rate");
        rows.put("fillRate", "fill rate");
        rows.put("onTimeRate", "on-time rate");
        rows.put("co2KgPerOrder", "kg CO2e per order");
        rows.put("changedOrders", "orders changed vs first");
        rows.put("ordersPerSecond", "replayed orders/s");
        StringBuilder header = new StringBuilder(String.format("%-28s", ""));
        variants.forEach(v -> header.append(String.format(" %22s", clip(v.get("name").asText(), 22))));
        out.println(header);
        rows.forEach((field, label) -> {
            StringBuilder row = new StringBuilder(String.format("%-28s", label));
            variants.forEach(v -> row.append(String.format(Locale.ROOT, " %22s", number(v.get(field)))));
            out.println(row);
        });
        for (JsonNode v : variants) {
            StringBuilder nodes = new StringBuilder("  busiest nodes in " + v.get("name").asText() + ":");
            java.util.List<JsonNode> load = new java.util.ArrayList<>();
            v.get("nodeLoad").forEach(load::add);
            load.sort((a, b) -> Long.compare(b.get("units").asLong(), a.get("units").asLong()));
            load.stream().limit(4).forEach(n -> nodes.append(String.format(Locale.ROOT, " %s %d units (%.0f %% of %d)",
                    n.get("nodeId").asText(), n.get("units").asLong(), 100 * n.get("load").asDouble(),
                    n.get("capacity").asLong())));
            out.println(nodes);
        }
        JsonNode changed = result.get("changedOrders");
        if (changed.size() > 0) {
            out.println("Changed orders (first 10):");
            for (int i = 0; i < Math.min(10, changed.size()); i++) {
                JsonNode c = changed.get(i);
                out.println("  " + c.get("orderId").asText() + " [" + c.get("variant").asText() + "] " + c.get("reason").asText());
                out.println("      " + c.get("baselinePlan").asText() + "  →  " + c.get("plan").asText());
            }
        }
        for (JsonNode v : variants) {
            out.printf(Locale.ROOT, "RESULT simulation variant=\"%s\" orders=%d seconds=%.2f orders_per_s=%.1f cost_per_order=%.2f "
                            + "split_rate=%.4f fill_rate=%.4f on_time_rate=%.4f co2_kg_per_order=%.3f changed=%d%n",
                    v.get("name").asText(), v.get("orders").asInt(), v.get("seconds").asDouble(),
                    v.get("ordersPerSecond").asDouble(), v.get("costPerOrder").asDouble(), v.get("splitRate").asDouble(),
                    v.get("fillRate").asDouble(), v.get("onTimeRate").asDouble(), v.get("co2KgPerOrder").asDouble(),
                    v.get("changedOrders").asInt());
        }
    }

    private static String number(JsonNode value) {
        return value.isIntegralNumber() ? value.asText() : String.format(Locale.ROOT, "%.3f", value.asDouble());
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
