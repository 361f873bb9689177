package io.maestro.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.core.deadletter.DeadLetters;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login session over plain HTTP: the webapps' own login form and logout, the console's session on the API with
 * its CSRF token for changes and the API's roles, and the API unchanged for programs (401 problem with a Basic
 * challenge, Basic and API keys without a token).
 */
@MaestroTest
class FormLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    @LocalServerPort int port;
    @Autowired DeadLetters deadLetters;
    HttpClient client;

    @BeforeEach
    void client() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void theWebappsLoginFormStartsASessionAndTheirLogoutEndsIt() throws Exception {
        assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
        assertThat(send(get("/camunda/api/engine/engine/")).body()).as("the login form asks for the engines first")
                .contains("default");

        HttpResponse<String> wrong = send(form("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=nobody-here&password=nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> login = send(form("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=clerk&password=clerk"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"clerk\"").contains("tasklist").doesNotContain("admin");

        HttpResponse<String> me = send(get("/camunda/api/admin/auth/user/default"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("clerk");

        assertThat(send(form("/camunda/api/admin/auth/user/default/logout", "")).statusCode()).isEqualTo(200);
        assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndPagesNeverAskForBasic() throws Exception {
        HttpResponse<String> page = send(get("/console/orders").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> call = send(get("/camunda/api/engine/engine/default/task"));
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("WWW-Authenticate")).as("no browser prompt").isEmpty();

        HttpResponse<String> loginPage = send(get("/login"));
        assertThat(send(form("/login", "username=operator&password=operator")).statusCode())
                .as("a login without the page's token is refused").isEqualTo(403);
        HttpResponse<String> loggedIn = send(form("/login", "username=operator&password=operator&_csrf="
                + csrf(loginPage.body())));
        assertThat(loggedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> orders = send(get("/console/orders"));
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).as("the shell carries the session's CSRF token for its API calls")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">");
        assertThat(send(get("/console/orders/NO-SUCH-ORDER")).statusCode()).as("a shell; the API answers 404")
                .isEqualTo(200);
    }

    @Test
    void theConsolesSessionCallsTheApiWithItsCsrfTokenForChanges() throws Exception {
        String token = logInAndReadToken("operator");
        HttpResponse<String> read = send(get("/api/orders").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(read.statusCode()).as("the login session reads the API").isEqualTo(200);
        assertThat(send(get("/api/exceptions")).statusCode()).isEqualTo(200);

        long first = deadLetters.record("form-login-test", "row 1", "{}", "a test row");
        HttpResponse<String> forged = send(json("/api/dead-letters/" + first + "/discard", "{\"note\":\"x\"}"));
        assertThat(forged.statusCode()).as("a change on the session without its token").isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(forged.body()).contains("CSRF");
        assertThat(deadLetters.find(first).orElseThrow().status().name()).isEqualTo("OPEN");

        HttpResponse<String> sent = send(json("/api/dead-letters/" + first + "/discard", "{\"note\":\"x\"}")
                .header("X-CSRF-TOKEN", token));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(deadLetters.find(first).orElseThrow().status().name()).isEqualTo("DISCARDED");

        long second = deadLetters.record("form-login-test", "row 2", "{}", "a test row");
        HttpResponse<String> basic = send(json("/api/dead-letters/" + second + "/discard", "{}")
                .header("Authorization", Api.Auth.user("operator").value()));
        assertThat(basic.statusCode()).as("Basic brings its own credentials: no token, also beside a session cookie")
                .isEqualTo(200);
        HttpResponse<String> refused = send(json("/api/orders/NO-SUCH-ORDER/cancel", "{}").header("X-CSRF-TOKEN", token));
        assertThat(refused.statusCode()).as("through security to the order, which does not exist").isEqualTo(404);
    }

    @Test
    void aViewersSessionSendsNoCommandEvenWithTheToken() throws Exception {
        String token = logInAndReadToken("viewer");
        assertThat(send(get("/api/nodes")).statusCode()).isEqualTo(200);
        HttpResponse<String> cancel = send(json("/api/orders/NO-SUCH-ORDER/cancel", "{}").header("X-CSRF-TOKEN", token));
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(cancel.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(cancel.body()).contains("Your role may not POST");

        assertThat(send(form("/logout", "_csrf=" + java.net.URLEncoder.encode(token,
                java.nio.charset.StandardCharsets.UTF_8))).statusCode()).isEqualTo(302);
        HttpResponse<String> after = send(get("/api/nodes").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(after.statusCode()).as("the session ended").isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("no browser prompt for the console's calls")
                .isEmpty();
    }

    @Test
    void programsStillUseBasicAndApiKeysOnTheApi() throws Exception {
        HttpResponse<String> anonymous = send(get("/api/orders"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(anonymous.headers().firstValue("Set-Cookie")).as("the API starts no session").isEmpty();
        HttpResponse<String> basic = send(get("/api/nodes").header("Authorization", Api.Auth.user("viewer").value()));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Set-Cookie")).as("Basic starts no session").isEmpty();
        assertThat(send(get("/api/nodes").header("X-Api-Key", "demo-integration-key")).statusCode()).isEqualTo(200);
        assertThat(send(get("/console/orders").header("Authorization", Api.Auth.user("viewer").value())).statusCode())
                .as("Basic opens the pages too, for programs").isEqualTo(200);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Logs in on the login page and reads the CSRF token the console's shell carries for its API calls. */
    private String logInAndReadToken(String user) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = send(get("/login"));
        assertThat(send(form("/login", "username=" + user + "&password=" + user + "&_csrf=" + csrf(loginPage.body())))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> shell = send(get("/console/orders"));
        assertThat(shell.statusCode()).isEqualTo(200);
        Matcher m = META_CSRF.matcher(shell.body());
        assertThat(m.find()).as("the shell carries its CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }
}
