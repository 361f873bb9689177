package io.maestro.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.config.ApiDocumentation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document is one a person can read and try: summaries, problem responses, both security schemes. */
@MaestroTest
class ApiDocumentationTest {

    @LocalServerPort int port;

    @Test
    void everyOperationHasASummaryProblemResponsesAndTheSecuritySchemesExist() {
        Api.Response response = new Api(port).get("/v3/api-docs", Api.Auth.NONE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode doc = response.json();

        assertThat(doc.at("/info/title").asText()).isEqualTo("Maestro API");
        assertThat(doc.at("/info/description").asText()).contains("problem+json");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(doc.at("/components/securitySchemes/apiKey/in").asText()).isEqualTo("header");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.at("/security").toString()).contains("basic", "apiKey");
        assertThat(doc.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();

        List<String> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as("summary of %s", name).isNotBlank();
            assertThat(operation.at("/responses/401/content/application~1problem+json/schema/$ref").asText())
                    .as("401 of %s", name).isEqualTo("#/components/schemas/Problem");
            if (name.startsWith("POST")) {
                assertThat(operation.at("/responses/422/content").has("application/problem+json")).as("422 of %s", name)
                        .isTrue();
            }
        }));
        assertThat(operations).contains("POST /api/orders", "GET /api/orders/{orderId}", "POST /api/orders/{orderId}/cancel");
        // A new endpoint gets its summary written in ApiDocumentation.SUMMARIES (or an @Operation of its own).
        assertThat(operations).allSatisfy(name -> assertThat(ApiDocumentation.SUMMARIES)
                .as("a written summary for %s", name).containsKey(name));
    }
}
