package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst changes a rule and deploys it the way Camunda Modeler's deploy button does (engine REST with
 * their credentials): the next order decides with the new version, without a restart. Operators may not deploy.
 */
@MaestroTest
class DecisionChangeTest {

    @LocalServerPort int port;

    @Test
    void aRuleDeployedByAnAnalystDecidesTheNextOrderAndItsVersionIsOnTheTimeline() throws Exception {
        String changed = marketplacePromise(9);

        assertThat(deploy(changed, "operator").statusCode()).isEqualTo(403);
        HttpResponse<String> deployed = deploy(changed, "analyst");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String sku = lifecycle.skuWithStock("RULE-TEE", Map.of("DC-OLEAN", 3));
        String orderId = lifecycle.place(Lifecycle.order("MARKETPLACE", sku, 1, Map.of()));

        JsonNode decision = awaitPolicyDecision(lifecycle, orderId);
        assertThat(decision.path("actor").asText()).matches("dmn:fulfillment-policy:v[2-9]\\d*");
        assertThat(decision.path("reason").asText()).contains("Rule_MarketplaceSla").contains("promiseDays=9");
    }

    /** The shipped table with the marketplace promise changed, as an analyst would save it from the Modeler. */
    private static String marketplacePromise(int days) throws IOException {
        try (InputStream in = DecisionChangeTest.class.getResourceAsStream("/dmn/fulfillment-policy.dmn")) {
            String dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher rule = Pattern.compile("(<rule id=\"Rule_MarketplaceSla\">.*?</rule>)", Pattern.DOTALL).matcher(dmn);
            assertThat(rule.find()).isTrue();
            String before = rule.group(1);
            Matcher entries = Pattern.compile("<text>([^<]*)</text>").matcher(before);
            StringBuilder after = new StringBuilder();
            int index = 0;
            while (entries.find()) {
                index++;
                // inputs 1..7, outputs 8..17: promiseDays is the 8th output
                entries.appendReplacement(after, index == 15 ? "<text>" + days + "</text>" : Matcher.quoteReplacement(entries.group()));
            }
            entries.appendTail(after);
            return dmn.replace(before, after.toString());
        }
    }

    private HttpResponse<String> deploy(String dmn, String user) throws Exception {
        String boundary = "maestro-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmarketplace-sla\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"fulfillment-policy.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitPolicyDecision(Lifecycle lifecycle, String orderId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode entry : lifecycle.timeline(orderId)) {
                if (entry.path("actor").asText().startsWith("dmn:fulfillment-policy:")) {
                    return entry;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No fulfillment-policy decision on " + lifecycle.timeline(orderId));
    }
}
