package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.metrics.OperationsMetrics;
import io.maestro.app.metrics.OrderLeadTimes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/** {@code /actuator/prometheus} after real orders: the DOM's KPIs, backlogs and partners' breakers, for its roles only. */
@MaestroTest
class PrometheusMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired OperationsMetrics metrics;
    @Autowired OrderLeadTimes leadTimes;

    @Test
    void anOrderThroughItsLifecycleShowsInTheKpis() throws IOException {
        Api api = new Api(port);
        Lifecycle lifecycle = new Lifecycle(api);
        String sku = lifecycle.skuWithStock("METRIC-TEE", Map.of("DC-OLEAN", 5));
        String before = scrape(api);

        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 2, Map.of()));
        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("DELIVERED"));
        String after = scrape(api);

        assertThat(value(after, "maestro_orders_received_total", "channel=\"WEB\""))
                .isEqualTo(value(before, "maestro_orders_received_total", "channel=\"WEB\"") + 1);
        assertThat(value(after, "maestro_order_to_allocated_seconds_count", ""))
                .isGreaterThan(value(before, "maestro_order_to_allocated_seconds_count", ""));
        assertThat(value(after, "maestro_order_to_delivered_seconds_count", ""))
                .isGreaterThan(value(before, "maestro_order_to_delivered_seconds_count", ""));
        assertThat(value(after, "maestro_order_to_delivered_seconds_max", "")).isPositive();
        assertThat(value(after, "maestro_orders_fill_rate", "")).isBetween(0.01, 1.0);
        assertThat(value(after, "maestro_orders_split_rate", "")).isBetween(0.0, 1.0);
        assertThat(value(after, "maestro_orders_shipping_cost", "currency=\"USD\"")).isPositive();
        assertThat(value(after, "maestro_orders_co2e_kilograms", "")).isPositive();
        assertThat(value(after, "maestro_orders", "status=\"DELIVERED\""))
                .isEqualTo(value(before, "maestro_orders", "status=\"DELIVERED\"") + 1);
        assertThat(value(after, "maestro_partner_circuit_breaker_state", "state=\"closed\"")).isEqualTo(1.0);
        for (String backlog : new String[] {"maestro_orders_backlog", "maestro_orders_stuck", "maestro_inbox_pending",
            "maestro_inbox_failed", "maestro_commands_pending", "maestro_outbox_pending", "maestro_outbox_failed",
            "maestro_dead_letters_open", "maestro_jobs_due", "maestro_jobs_failed", "maestro_incidents_open",
            "maestro_user_tasks_open"}) {
            assertThat(value(after, backlog, "")).as(backlog).isGreaterThanOrEqualTo(0.0);
        }
        theShippedRulesAndDashboardReadOnlyMetricsMaestroServes(after);
    }

    /** ops/prometheus/maestro-rules.yml and ops/grafana/*.json parse, and every metric they name is served. */
    private static void theShippedRulesAndDashboardReadOnlyMetricsMaestroServes(String scrape) throws IOException {
        Path ops = Path.of("..", "ops");
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(ops.resolve("prometheus/maestro-rules.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> r = (Map<?, ?>) rule;
                assertThat(r.get("alert")).as("alert name").isNotNull();
                assertThat(((Map<?, ?>) r.get("annotations")).get("summary")).as("summary of %s", r.get("alert")).isNotNull();
                expressions.add((String) r.get("expr"));
            }
        }
        assertThat(expressions).hasSize(5);
        try (Stream<Path> dashboards = Files.list(ops.resolve("grafana"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode json = new ObjectMapper().readTree(dashboard.toFile());
                assertThat(json.path("title").asText()).as(dashboard.toString()).isNotBlank();
                json.path("panels").forEach(panel -> panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asText())));
            }
        }
        Matcher metric = Pattern.compile("maestro_[a-z0-9_]+").matcher(String.join("\n", expressions));
        while (metric.find()) {
            assertThat(scrape).as("served metric %s", metric.group()).containsPattern("(?m)^" + metric.group() + "[{ ]");
        }
    }

    @Test
    void onlyViewersOperatorsAndAdministratorsReadTheMetrics() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/prometheus", Api.Auth.NONE).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", Api.INTEGRATION).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", Api.Auth.user("analyst")).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", Api.Auth.user("operator")).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", Api.ADMIN).status()).isEqualTo(200);
    }

    private String scrape(Api api) {
        metrics.refresh();
        leadTimes.record();
        Api.Response response = api.get("/actuator/prometheus", Api.Auth.user("viewer"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sample of this metric whose labels contain {@code label} (any sample when blank); 0 when there is none. */
    private static double value(String scrape, String metric, String label) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (label.isEmpty() || (sample.group(1) != null && sample.group(1).contains(label))) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
