package io.maestro.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.Api.Auth;
import io.maestro.app.MaestroTest;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Administrators issue, list and revoke API keys; a key works with its role from the moment it is issued until revoked. */
@MaestroTest
class ApiKeyApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anIssuedKeyShowsItsSecretOnceWorksWithItsRoleAndStopsWhenRevoked() {
        Api.Response issued = api.post("/api/api-keys", Map.of("name", "erp-prod", "role", "INTEGRATION"), Api.ADMIN);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().get("key").asText();
        assertThat(secret).startsWith("mk_").hasSize(67);
        assertThat(issued.json().get("id").asText()).isEqualTo("erp-prod");
        assertThat(issued.json().get("role").asText()).isEqualTo("INTEGRATION");
        assertThat(jdbc.queryForObject("select key_hash from api_key where name = 'erp-prod'", String.class))
                .as("stored as its SHA-256, never as itself").isEqualTo(ApiKeys.hash(secret)).isNotEqualTo(secret);

        Auth key = Auth.apiKey(secret);
        assertThat(api.get("/api/nodes", key).status()).isEqualTo(200);
        assertThat(api.post("/api/nodes", Map.of(), key).status()).as("INTEGRATION may not change the network")
                .isEqualTo(403);

        Api.Response listed = api.get("/api/api-keys?size=500", Api.ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode erp = entry(listed.json(), "erp-prod");
        assertThat(erp.get("role").asText()).isEqualTo("INTEGRATION");
        assertThat(erp.get("revoked").asBoolean()).isFalse();
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(ApiKeys.hash(secret)).doesNotContain("\"key\"");

        Api.Response revoked = api.send("DELETE", "/api/api-keys/erp-prod", null, Api.ADMIN);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(api.get("/api/nodes", key).status()).as("a revoked key opens nothing").isEqualTo(401);
        assertThat(api.send("DELETE", "/api/api-keys/erp-prod", null, Api.ADMIN).status()).as("again: no change")
                .isEqualTo(200);
        assertThat(entry(api.get("/api/api-keys?size=500", Api.ADMIN).json(), "erp-prod").get("revoked").asBoolean())
                .isTrue();
    }

    @Test
    void aKeyIsRevokedByPostToo() {
        String secret = api.post("/api/api-keys", Map.of("name", "standalone-worker-1", "role", "INTEGRATION"), Api.ADMIN)
                .json().get("key").asText();
        assertThat(api.post("/api/api-keys/standalone-worker-1/revoke", null, Api.ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/api/nodes", Auth.apiKey(secret)).status()).isEqualTo(401);
    }

    @Test
    void aKeyCarriesTheRoleItWasIssuedFor() {
        String secret = api.post("/api/api-keys", Map.of("name", "dashboard-reader", "role", "VIEWER"), Api.ADMIN)
                .json().get("key").asText();

        assertThat(api.get("/api/dead-letters", Auth.apiKey(secret)).status()).isEqualTo(200);
        assertThat(api.post("/api/inventory/adjustments", Map.of(), Auth.apiKey(secret)).status()).isEqualTo(403);
    }

    @Test
    void badRequestsNameEveryBadFieldAndNamesAreNeverReused() {
        Api.Response bad = api.post("/api/api-keys", Map.of("name", "no spaces", "role", "ROOT"), Api.ADMIN);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"name\"").contains("\"field\":\"role\"").contains("ROOT");
        assertThat(api.post("/api/api-keys", Map.of(), Api.ADMIN).body()).contains("\"field\":\"name\"")
                .contains("\"field\":\"role\"");

        assertThat(api.post("/api/api-keys", Map.of("name", "twice", "role", "VIEWER"), Api.ADMIN).status()).isEqualTo(201);
        Api.Response again = api.post("/api/api-keys", Map.of("name", "twice", "role", "ADMIN"), Api.ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("twice");

        assertThat(api.send("DELETE", "/api/api-keys/never-issued", null, Api.ADMIN).status()).isEqualTo(404);
    }

    /** The in-process allocation worker authenticates with a key held in memory: nothing is stored per start. */
    @Test
    void noWorkerKeyIsStored() {
        assertThat(jdbc.queryForObject("select count(*) from api_key where name like 'in-process-worker%'", Integer.class))
                .isZero();
    }

    private static JsonNode entry(JsonNode page, String id) {
        return StreamSupport.stream(page.get("items").spliterator(), false).filter(k -> k.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not listed in " + page));
    }
}
