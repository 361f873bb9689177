package io.maestro.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.Api.Auth;
import io.maestro.app.MaestroTest;
import io.maestro.integrations.WebhookSignature;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint against every role: allowed roles get past security, the others get 403, nobody gets in without credentials. */
@MaestroTest
class AccessMatrixTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> PEOPLE = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.OPERATOR, Role.VIEWER);

    record Call(String method, String path, Object body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/orders", null, ALL),
            new Call("GET", "/api/orders/ORD-0", null, ALL),
            new Call("GET", "/api/orders/ORD-0/timeline", null, ALL),
            new Call("GET", "/api/orders/search?q=nobody@example.com&attention=true", null, ALL),
            new Call("GET", "/api/orders/channels", null, ALL),
            new Call("GET", "/api/kpis?period=DAYS_7", null, ALL),
            new Call("GET", "/api/decisions", null, ALL),
            new Call("POST", "/api/orders", Map.of(), EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("POST", "/api/returns", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("GET", "/api/returns/RET-0", null, ALL),
            new Call("GET", "/api/inventory/TSHIRT-BLK-M", null, ALL),
            new Call("GET", "/api/inventory/nodes/DC-OLEAN", null, ALL),
            new Call("POST", "/api/orders/NO-SUCH/cancel", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/orders/NO-SUCH/change", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/orders/NO-SUCH/hold", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/orders/NO-SUCH/release", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/orders/NO-SUCH/lines/cancel", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("GET", "/api/orders/NO-SUCH/commands", null, ALL),
            new Call("POST", "/api/inventory/adjustments", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/inventory/snapshots", Map.of(), EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("PUT", "/api/inventory/protections/NO-SUCH/WEB", Map.of(), EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/nodes", null, ALL),
            new Call("POST", "/api/inventory/protections/apply-rules", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("POST", "/api/nodes", Map.of(), EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/nodes/NO-SUCH/pause", null, EnumSet.of(Role.OPERATOR, Role.ADMIN)),
            new Call("GET", "/api/skus", null, ALL),
            new Call("POST", "/api/skus", Map.of(), EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("POST", "/api/allocation/waves", Map.of("dryRun", true, "secondsPerChannel", 1),
                    EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("POST", "/api/simulations", Map.of(), EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/simulations/NO-SUCH", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/simulations/NO-SUCH.csv", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/forecasts/NO-SUCH", null, ALL),
            new Call("POST", "/api/forecasts/NO-SUCH/refresh", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/decisions/order-screening/rollouts", null, ALL),
            new Call("POST", "/api/decisions/order-screening/rollouts/NO-SUCH/rollback", null,
                    EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("POST", "/api/replenishment/NO-SUCH/run", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/replenishment/proposals", null, ALL),
            new Call("GET", "/api/replenishment/proposals/NO-SUCH", null, ALL),
            new Call("GET", "/api/replenishment/purchase-orders", null, ALL),
            new Call("GET", "/api/replenishment/purchase-orders/NO-SUCH", null, ALL),
            new Call("GET", "/api/transfers/suggestions?sku=NO-SUCH", null, ALL),
            new Call("POST", "/api/transfers", Map.of(), EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("GET", "/api/transfers", null, ALL),
            new Call("GET", "/api/transfers/NO-SUCH", null, ALL),
            new Call("POST", "/api/transfers/NO-SUCH/receipts", Map.of(), EnumSet.of(Role.INTEGRATION, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/erp/snapshots", Map.of(), EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("POST", "/api/erp/items", Map.of(), EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("GET", "/api/dead-letters", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("GET", "/api/dead-letters/0", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("POST", "/api/dead-letters/0/replay", null, EnumSet.of(Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/api/dead-letters/0/discard", Map.of("note", "n"), EnumSet.of(Role.OPERATOR, Role.ADMIN)),
            new Call("GET", "/api/exceptions", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("GET", "/api/exceptions?orderId=NO-SUCH", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("GET", "/api/api-keys", null, EnumSet.of(Role.ADMIN)),
            new Call("GET", "/api/api-keys/NO-SUCH", null, EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/api-keys", Map.of(), EnumSet.of(Role.ADMIN)),
            new Call("DELETE", "/api/api-keys/NO-SUCH", null, EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/api-keys/NO-SUCH/revoke", null, EnumSet.of(Role.ADMIN)),
            new Call("GET", "/engine-rest/engine", null, PEOPLE),
            new Call("POST", "/engine-rest/deployment/create", null, EnumSet.of(Role.ANALYST, Role.ADMIN)),
            new Call("POST", "/engine-rest/message", Map.of(), EnumSet.of(Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/engine-rest/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1),
                    EnumSet.of(Role.INTEGRATION, Role.ADMIN)),
            new Call("GET", "/camunda/app/cockpit/default/", null, PEOPLE),
            new Call("GET", "/camunda/app/tasklist/default/", null, PEOPLE),
            new Call("GET", "/camunda/app/admin/default/", null, EnumSet.of(Role.ADMIN)),
            new Call("GET", "/camunda/api/admin/auth/user/default", null, PEOPLE),
            new Call("POST", "/camunda/api/engine/engine/default/user/create", Map.of(), EnumSet.of(Role.ADMIN)),
            new Call("PUT", "/camunda/api/engine/engine/default/user/viewer/credentials", Map.of(), EnumSet.of(Role.ADMIN)),
            new Call("POST", "/camunda/api/engine/engine/default/task/no-such-task/complete", Map.of(),
                    EnumSet.of(Role.ANALYST, Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/camunda/api/engine/engine/default/task/no-such-task/assignee", Map.of(),
                    EnumSet.of(Role.OPERATOR, Role.ADMIN)),
            new Call("POST", "/camunda/api/engine/engine/default/task", Map.of(), PEOPLE),
            new Call("GET", "/console/orders", null, PEOPLE),
            new Call("GET", "/console/inventory?sku=TSHIRT-BLK-M", null, PEOPLE),
            new Call("GET", "/console/kpis", null, PEOPLE),
            new Call("GET", "/console/exceptions", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("GET", "/console/dead-letters", null, EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.VIEWER)),
            new Call("GET", "/console/orders/NO-SUCH", null, PEOPLE),
            new Call("GET", "/console/rules", null, PEOPLE));

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static Stream<Arguments> callsAndRoles() {
        List<Arguments> all = new ArrayList<>();
        for (Call call : CALLS) {
            for (Role role : Role.values()) {
                all.add(Arguments.of(call, role));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsAndRoles")
    void eachRoleSeesOnlyWhatItMay(Call call, Role role) {
        Api.Response response = api.send(call.method(), call.path(), call.body(), as(role));
        boolean deniedByPolicy = response.status() == 403 && response.body().contains("Your role may not");

        if (role == Role.INTEGRATION && (call.path().startsWith("/camunda/") || call.path().startsWith("/console/"))) {
            assertThat(response.status()).as("API keys do not open the webapps or the console").isEqualTo(401);
        } else if (call.allowed().contains(role)) {
            assertThat(response.status()).as("%s as %s", call, role).isNotEqualTo(401);
            assertThat(deniedByPolicy).as("%s as %s: %s", call, role, response.body()).isFalse();
        } else {
            assertThat(deniedByPolicy).as("%s as %s: %s %s", call, role, response.status(), response.body()).isTrue();
        }
    }

    @Test
    void withoutCredentialsEveryCallIs401() {
        for (Call call : CALLS) {
            Api.Response response = api.send(call.method(), call.path(), call.body(), Auth.NONE);
            assertThat(response.status()).as(call.toString()).isEqualTo(401);
        }
    }

    /** A wrong password also delays that user's next logins (Camunda's brute-force protection): use a user of its own. */
    @Test
    void wrongPasswordsAndKeysAre401() {
        if (identity.createUserQuery().userId("target").count() == 0) {
            User target = identity.newUser("target");
            target.setPassword("right");
            identity.saveUser(target);
        }
        assertThat(api.get("/api/nodes", Auth.basic("target", "wrong")).status()).isEqualTo(401);
        assertThat(api.get("/api/nodes", Auth.basic("nobody", "nothing")).status()).isEqualTo(401);
        Api.Response badKey = api.get("/api/nodes", Auth.apiKey("not-a-key"));
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.contentType()).startsWith("application/problem+json");
    }

    /** The partner webhooks take no roles: the signature of the body with the partner's secret is the authentication. */
    @ParameterizedTest(name = "{0} unsigned as {1}")
    @MethodSource("webhooksAndRoles")
    void partnerWebhooksAreOpenedBySignaturesNotRoles(String path, String secret, Auth auth) {
        Api.Response unsigned = api.send("POST", path, Map.of(), auth);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.body()).contains("X-Maestro-Signature");

        Api.Response signed = api.send("POST", path, "{}", new Auth(WebhookSignature.HEADER, WebhookSignature.sign(secret, "{}")));
        assertThat(signed.status()).as("signed, the content is read: no eventId").isEqualTo(422);
    }

    static Stream<Arguments> webhooksAndRoles() {
        List<Arguments> all = new ArrayList<>();
        for (String[] webhook : new String[][] {{"/api/partners/nodes/DC-OLEAN/events", "sandbox-node-secret"},
            {"/api/partners/carriers/SWIFT/tracking", "sandbox-swift-secret"},
            {"/api/partners/erp/receipts", "sandbox-erp-secret"},
            {"/api/partners/nodes/ST-CHI-MICHIGAN/transfer-receipts", "sandbox-node-secret"}}) {
            all.add(Arguments.of(webhook[0], webhook[1], Auth.NONE));
            for (Role role : Role.values()) {
                all.add(Arguments.of(webhook[0], webhook[1], as(role)));
            }
        }
        return all.stream();
    }

    @Test
    void theSandboxPartnersAreOpenLikeTheOutsideSystemsTheyStandFor() {
        assertThat(api.get("/sandbox/faults", Auth.NONE).status()).isEqualTo(200);
        assertThat(api.get("/sandbox/mailbox", Auth.NONE).status()).isEqualTo(200);
    }

    /** The channel webhook and the sandbox partners take no credentials: the webhook's signature authenticates it. */
    @Test
    void webhooksAndSandboxPartnersNeedNoCredentials() {
        Api.Response unsigned = api.post("/api/channels/web/orders", Map.of(), Auth.NONE);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.body()).contains("X-Maestro-Signature is missing");
        assertThat(api.get("/sandbox/erp/refunds", Auth.NONE).status()).isEqualTo(200);
    }

    @Test
    void healthAndTheApiDocumentAreOpen() {
        assertThat(api.get("/actuator/health", Auth.NONE).body()).contains("UP");
        assertThat(api.get("/v3/api-docs", Auth.NONE).body()).contains("/api/orders").contains("/api/inventory/adjustments");
        assertThat(api.get("/swagger-ui/index.html", Auth.NONE).body()).contains("Swagger UI");
    }

    private static Auth as(Role role) {
        return role == Role.INTEGRATION ? Api.INTEGRATION : Auth.user(role.name().toLowerCase());
    }
}
