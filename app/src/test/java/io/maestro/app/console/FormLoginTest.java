package io.maestro.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login session over plain HTTP: the webapps' own login form and logout, CSRF on the console's forms, and the API
 * unchanged for programs (401 problem with a Basic challenge, no session).
 */
@MaestroTest
class FormLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
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
    void consoleFormsNeedTheirCsrfTokenAndPagesNeverAskForBasic() throws Exception {
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
        assertThat(send(form("/console/orders/NO-SUCH-ORDER/cancel", "reason=x")).statusCode())
                .as("a command without the page's token").isEqualTo(403);
        assertThat(send(form("/console/orders/NO-SUCH-ORDER/cancel", "reason=x&_csrf=" + csrf(orders.body())))
                .statusCode()).isEqualTo(404);

        assertThat(send(get("/api/orders")).statusCode()).as("the API takes no session").isEqualTo(401);
    }

    @Test
    void programsStillUseBasicAndApiKeysOnTheApi() throws Exception {
        HttpResponse<String> anonymous = send(get("/api/orders"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(send(get("/api/nodes").header("Authorization", Api.Auth.user("viewer").value())).statusCode())
                .isEqualTo(200);
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

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }
}
