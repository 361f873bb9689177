package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst soft-launches a version of order-screening to the marketplace's orders: they are screened by the
 * candidate, web orders by the version before; the rollout's KPIs count each side; a rollback returns every order to
 * the base version, a promotion lets the candidate decide them all. The candidate is the shipped table itself (a new
 * version of the same rules), so the other tests sharing the application decide as before.
 */
@MaestroTest
class DecisionRolloutTest {

    private static final String ROLLOUTS = "/api/decisions/order-screening/rollouts";
    private static final Api.Auth ANALYST = Api.Auth.user("analyst");
    private static final String SCREENED_BY = "dmn:order-screening:v";

    @LocalServerPort int port;
    Api api;
    Lifecycle lifecycle;
    String table;

    @BeforeEach
    void client() throws IOException {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
        try (InputStream in = DecisionRolloutTest.class.getResourceAsStream("/dmn/order-screening.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCandidateDecidesTheSliceTheBaseTheRestUntilRolledBackOrPromoted() {
        assertThat(start(Map.of("channel", "MARKETPLACE"), Api.Auth.user("operator")).status()).isEqualTo(403);
        Api.Response started = start(Map.of("channel", "marketplace"), ANALYST);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode rollout = started.json().path("rollout");
        int base = rollout.path("baseVersion").asInt();
        int candidate = rollout.path("candidateVersion").asInt();
        assertThat(candidate).isGreaterThan(base);
        assertThat(started.json().path("slice").asText()).isEqualTo("channel MARKETPLACE");
        String self = ROLLOUTS + "/" + rollout.path("id").asText();
        assertThat(start(Map.of("sharePercent", "5"), ANALYST).status()).as("one rollout at a time").isEqualTo(409);

        String sku = lifecycle.skuWithStock("ROLLOUT-TEE", Map.of("DC-OLEAN", 10));
        assertThat(screenedBy(lifecycle.place(Lifecycle.order("MARKETPLACE", sku, 1, Map.of())))).isEqualTo(candidate);
        assertThat(screenedBy(lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of())))).isEqualTo(base);

        JsonNode sides = api.get(self, Api.ADMIN).json();
        assertThat(sides.path("candidate").path("orders").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(sides.path("base").path("orders").asLong()).isGreaterThanOrEqualTo(1);

        Api.Response rolledBack = api.post(self + "/rollback", null, ANALYST);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json().path("rollout").path("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(screenedBy(lifecycle.place(Lifecycle.order("MARKETPLACE", sku, 1, Map.of()))))
                .as("the rolled-back candidate decides no one").isEqualTo(base);
        assertThat(api.post(self + "/promote", null, ANALYST).status()).as("ended").isEqualTo(409);

        Api.Response again = start(Map.of("channel", "POS", "sharePercent", "50"), ANALYST);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        int next = again.json().path("rollout").path("candidateVersion").asInt();
        assertThat(again.json().path("rollout").path("baseVersion").asInt()).as("the version in force").isEqualTo(base);
        Api.Response promoted = api.post(ROLLOUTS + "/" + again.json().path("rollout").path("id").asText() + "/promote",
                null, ANALYST);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(screenedBy(lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of())))).isEqualTo(next);
        assertThat(api.get(ROLLOUTS, Api.ADMIN).json().findValuesAsText("status")).contains("PROMOTED", "ROLLED_BACK");
    }

    @Test
    void wrongInputIsRefusedNamingTheField() {
        Api.Response noSlice = start(Map.of(), ANALYST);
        assertThat(noSlice.status()).isEqualTo(422);
        assertThat(noSlice.body()).contains("needs at least one of region, channel, category or sharePercent");
        assertThat(start(Map.of("sharePercent", "0"), ANALYST).body()).contains("sharePercent");
        Api.Response noFile = api.postForm(ROLLOUTS, Map.of("channel", "WEB"), "file", null, null, ANALYST);
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.body()).contains("the candidate decision table (.dmn) is required");
        Api.Response notATable = api.postForm(ROLLOUTS, Map.of("channel", "WEB"), "file", "x.dmn", "<nope/>", ANALYST);
        assertThat(notATable.status()).as(notATable.body()).isEqualTo(422);
        assertThat(notATable.body()).contains("file");
        Api.Response otherTable = api.postForm("/api/decisions/shipment-delay/rollouts", Map.of("channel", "WEB"), "file",
                "order-screening.dmn", table, ANALYST);
        assertThat(otherTable.status()).isEqualTo(422);
        assertThat(otherTable.body()).contains("holds no decision with the id shipment-delay");
        assertThat(api.get(ROLLOUTS + "/no-such-rollout", Api.ADMIN).status()).isEqualTo(404);
        Api.Response wholeNetwork = api.postForm("/api/decisions/stock-protection/rollouts", Map.of("channel", "WEB"),
                "file", "order-screening.dmn", table, ANALYST);
        assertThat(wholeNetwork.status()).isEqualTo(422);
        assertThat(wholeNetwork.body()).contains("stock-protection is not a table a process decides per order");
    }

    private Api.Response start(Map<String, String> slice, Api.Auth auth) {
        return api.postForm(ROLLOUTS, slice, "file", "order-screening.dmn", table, auth);
    }

    /** The version of order-screening on the order's timeline. */
    private int screenedBy(String orderId) {
        String actor = await("order-screening decided " + orderId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lifecycle.timeline(orderId).stream().map(e -> e.path("actor").asText())
                        .filter(a -> a.startsWith(SCREENED_BY)).findFirst(), Optional::isPresent).get();
        return Integer.parseInt(actor.substring(SCREENED_BY.length()));
    }
}
