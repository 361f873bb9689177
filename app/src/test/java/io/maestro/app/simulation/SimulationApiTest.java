package io.maestro.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.Api.Auth;
import io.maestro.app.MaestroTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/simulations}: 202 with a Location, progress, the comparison kept and read again, CSV, bad input. */
@MaestroTest
class SimulationApiTest {

    private static final Auth ANALYST = Auth.user("analyst");

    @LocalServerPort
    int port;
    @Autowired
    SimulationStore store;
    @Autowired
    SimulationService simulations;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static Map<String, Object> scenario(int orders) {
        return Map.of("name", "pause Edison", "source", Map.of("kind", "SCENARIO", "scenario", "NORMAL_DAY", "orders", orders,
                "seed", 4), "variants", List.of(Map.of("name", "today"),
                Map.of("name", "no Edison", "network", Map.of("pausedNodes", List.of("DC-EDISON")))));
    }

    @Test
    void aReplayIsAcceptedRunsAndKeepsItsComparison() throws Exception {
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/simulations"))
                .header(ANALYST.header(), ANALYST.value()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(scenario(150)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(accepted.body()).get("simulationId").asText();
        assertThat(location).isEqualTo("/api/simulations/" + id);

        List<String> statuses = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode view = api.get(location, ANALYST).json();
            statuses.add(view.get("status").asText() + " " + view.get("progress").get("done").asInt());
            return !view.get("status").asText().matches("QUEUED|RUNNING");
        });
        JsonNode done = api.get(location, ANALYST).json();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(statuses).anyMatch(s -> s.startsWith("RUNNING") || s.startsWith("QUEUED"));
        assertThat(done.get("progress").get("done").asInt()).isEqualTo(600);
        assertThat(done.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("requestedBy").asText()).isEqualTo("analyst");
        JsonNode result = done.get("result");
        assertThat(result.get("orders").asInt()).isEqualTo(150);
        assertThat(result.get("variants")).hasSize(2);
        JsonNode noEdison = result.get("variants").get(1);
        assertThat(noEdison.get("name").asText()).isEqualTo("no Edison");
        for (String figure : List.of("costPerOrder", "splitRate", "fillRate", "onTimeRate", "co2KgPerOrder", "ordersPerSecond")) {
            assertThat(noEdison.has(figure)).as(figure).isTrue();
        }
        assertThat(noEdison.get("rules").size()).isPositive();
        int changed = noEdison.get("changedOrders").asInt();
        assertThat(result.get("changedOrders")).hasSize(changed);
        result.get("changedOrders").forEach(c -> assertThat(c.get("reason").asText()).isEqualTo("node DC-EDISON paused"));

        assertThat(store.find(id).orElseThrow().result()).as("kept in the database").contains("\"no Edison\"");

        Api.Response csv = api.get(location + ".csv", ANALYST);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("variant,figure,key,value\n").contains("\nno Edison,nodeUnits,DC-EDISON,0\n")
                .contains("\ntoday,fillRate,,");
        HttpResponse<String> byAccept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + location)).header(ANALYST.header(), ANALYST.value())
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byAccept.body()).isEqualTo(csv.body());
    }

    @Test
    void badInputNamesEveryField() {
        Api.Response response = api.post("/api/simulations", Map.of("source", Map.of("kind", "SCENARIO", "scenario",
                "MONDAY", "orders", 0), "variants", List.of(Map.of("name", "a", "network", Map.of("pausedNodes",
                List.of("NO-SUCH"))), Map.of("name", "a", "decisions", Map.of("fulfillment-policy", Map.of("version", 999))))),
                ANALYST);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("source.scenario", "source.orders",
                "variants[0].network.pausedNodes[0]", "variants[1].name");

        Api.Response oneVariant = api.post("/api/simulations", Map.of("source", Map.of("kind", "SCENARIO", "scenario",
                "NORMAL_DAY"), "variants", List.of(Map.of("name", "a"))), ANALYST);
        assertThat(oneVariant.json().get("errors").get(0).get("field").asText()).isEqualTo("variants");

        Api.Response noSuchVersion = api.post("/api/simulations", Map.of("source", Map.of("kind", "SCENARIO", "scenario",
                "NORMAL_DAY"), "variants", List.of(Map.of("name", "a"), Map.of("name", "b", "decisions",
                Map.of("fulfillment-policy", Map.of("version", 999))))), ANALYST);
        assertThat(noSuchVersion.status()).isEqualTo(422);
        assertThat(noSuchVersion.json().get("errors").get(0).get("field").asText())
                .isEqualTo("variants[1].decisions.fulfillment-policy.version");

        assertThat(api.get("/api/simulations/NO-SUCH", ANALYST).status()).isEqualTo(404);
    }

    @Test
    void aNodeStartingAgainMarksWhatItWasRunningInterrupted() {
        store.create("SIM-MINE", "running when this node stopped", "analyst", simulations.owner(), "{}");
        store.started("SIM-MINE", 1000);
        store.create("SIM-OTHERS", "running on another node", "analyst", "another-node:8080", "{}");
        store.started("SIM-OTHERS", 1000);

        simulations.markInterruptedAtStart();

        assertThat(store.find("SIM-MINE").orElseThrow().status()).isEqualTo("INTERRUPTED");
        assertThat(store.find("SIM-OTHERS").orElseThrow().status()).as("its heartbeat is fresh").isEqualTo("RUNNING");
        jdbc.update("update simulation set status = 'FAILED' where simulation_id = 'SIM-OTHERS'");
    }

    @Test
    void aSimulationWhoseNodeStoppedIsMarkedInterrupted() {
        store.create("SIM-ORPHAN", "left running", "analyst", "another-node:8080", "{}");
        store.started("SIM-ORPHAN", 1000);
        jdbc.update("update simulation set heartbeat_at = heartbeat_at - interval '5' minute where simulation_id = ?",
                "SIM-ORPHAN");

        JsonNode view = api.get("/api/simulations/SIM-ORPHAN", ANALYST).json();
        assertThat(view.get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(view.get("error").asText()).contains("stopped before it finished");
        assertThat(view.get("result").isNull()).isTrue();
        assertThat(api.get("/api/simulations/SIM-ORPHAN.csv", ANALYST).status()).isEqualTo(409);
    }
}
