package io.maestro.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.network.NetworkService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console and the login in a real browser (headless Chromium) against the running application: log in and out,
 * find an order by e-mail and cancel it while it waits in the exceptions queue, see the map, pause and open a node,
 * discard a dead letter, try a decision table version on part of the orders and roll it back, reach Tasklist through
 * the login page. The pages draw themselves from the API: {@link Browser#open} and {@link Browser#awaitLoaded} wait
 * until they have. Screenshots of each page go to {@code target/console-screenshots}. Without Chromium on the machine
 * (CI installs it) the tests are skipped, saying so.
 */
@MaestroTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired NetworkService network;
    @Autowired DeadLetters deadLetters;
    Api api;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.startOrSkip(port, "the console's browser tests are");
        api = new Api(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void withoutSession() {
        browser.forgetSession();
    }

    @Test
    void aPersonLogsInOnTheLoginPageAndOut() {
        browser.open("/console/orders");
        assertThat(browser.path()).as("a page without a session leads to the login page").startsWith("/login");
        browser.screenshot("01-login");

        // A user that does not exist: a wrong password would delay that user's next logins (Camunda's brute-force protection).
        browser.logIn("nobody-here", "wrong");
        browser.await(d -> !browser.all("[role=alert]").isEmpty());
        assertThat(browser.text("[role=alert]")).contains("Wrong user name or password");

        browser.logIn("operator", "operator");
        browser.await(d -> browser.path().startsWith("/console/orders"));
        assertThat(browser.text("#signed-in-as")).contains("operator");
        browser.screenshot("02-orders");

        browser.click("#logout");
        browser.await(d -> browser.path().startsWith("/login?logout"));
        assertThat(browser.pageText()).contains("You have logged out");
        browser.open("/console/orders");
        assertThat(browser.path()).as("the session ended").startsWith("/login");
    }

    @Test
    void anOperatorFindsAnOrderByEmailAndCancelsItWhileItWaitsInTheExceptionsQueue() {
        String sku = skuWithStock("CONSOLE", Map.of("DC-OLEAN", 40));
        String email = "console-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "@example.com";
        // 30 units of 19.90: above the value that holds an order for a person's review.
        String orderId = place(sku, 30, email);

        browser.logIn("operator", "operator");
        browser.open("/console/exceptions");
        browser.reloadUntil(orderId);
        assertThat(browser.find("#exceptions").getText()).contains(orderId).contains("Review held order");
        assertThat(browser.all("#exceptions a[href*='/camunda/app/tasklist/']")).isNotEmpty();
        browser.screenshot("03-exceptions-filled");

        browser.open("/console/orders");
        browser.type("#q", email.toUpperCase());
        browser.click("#search");
        browser.await(d -> browser.all("#orders tbody tr").size() == 1);
        browser.awaitLoaded();
        assertThat(browser.text("#orders")).contains(orderId).contains(email);
        browser.click("#orders tbody a");
        browser.await(d -> browser.path().equals("/console/orders/" + orderId));
        browser.awaitLoaded();
        assertThat(browser.text("#line-table")).contains(sku).contains("30");
        assertThat(browser.text("#order-status")).isEqualTo("ON_HOLD");
        browser.screenshot("04-order");

        browser.type("#cancel-reason", "customer called");
        browser.click("#cancel-order");
        browser.await(d -> !browser.all("[role=status]").isEmpty());
        assertThat(browser.text("[role=status]")).startsWith("Accepted (202): cancel");
        browser.reloadUntil("#order-status", "CANCELLED");
        assertThat(browser.text("#order-status")).isEqualTo("CANCELLED");
        assertThat(browser.pageText()).contains("customer called");
        browser.screenshot("05-order-cancelled");

        browser.click("#cancel-order");
        browser.await(d -> !browser.all("[role=alert]").isEmpty());
        assertThat(browser.text("[role=alert]")).as("a second cancel is refused, as the API answers 409")
                .startsWith("Refused (409)");

        browser.open("/console/exceptions");
        browser.reloadWhile(orderId);
        browser.screenshot("06-exceptions-emptied");
    }

    @Test
    void theMapShowsEveryNodeAndAViewerSendsNoCommands() {
        // A SKU of its own: the demo SKUs' stock is what other tests in this application order.
        String mapped = skuWithStock("MAP", Map.of("DC-EDISON", 7, "DC-OLEAN", 1));
        browser.logIn("viewer", "viewer");
        browser.await(d -> browser.path().startsWith("/console"));
        browser.open("/console/inventory?sku=" + mapped);
        assertThat(browser.text("h1")).contains(mapped);
        assertThat(browser.all("#us-map circle")).hasSize(network.all().size());
        assertThat(browser.all("#us-map circle[data-node='DC-BROOKLYN']")).hasSize(1);
        assertThat(browser.text("#network-atp")).isEqualTo("8");
        assertThat(browser.all("#us-map a.good circle[data-node='DC-EDISON']")).hasSize(1);
        assertThat(browser.all("#us-map a.low circle[data-node='DC-OLEAN']")).as("a quarter of the best or less")
                .hasSize(1);
        assertThat(browser.all("#us-map a.none circle[data-node='DC-BROOKLYN']")).hasSize(1);
        assertThat(browser.all("button[id^=pause-]")).as("a viewer pauses no node").isEmpty();
        browser.screenshot("07-inventory-map");

        String anyOrder = place(skuWithStock("VIEW", Map.of("DC-EDISON", 5)), 1, "viewer-sees@example.com");
        browser.open("/console/orders/" + anyOrder);
        assertThat(browser.all("#cancel-order")).as("a viewer sends no commands").isEmpty();
        browser.open("/console/kpis?period=DAYS_7");
        assertThat(Long.parseLong(browser.text("#kpi-orders"))).isPositive();
        assertThat(browser.all("svg.chart polyline")).isNotEmpty();
        assertThat(browser.text("#kpi-drift")).as("labels against allocation's estimates")
                .matches("no label bought yet|[0-9.,]+ ?% of [0-9,]+, mean drift [0-9.,]+ %");
        browser.screenshot("08-kpis");
    }

    @Test
    void anOperatorPausesAndOpensANodeAndDiscardsADeadLetter() {
        browser.logIn("operator", "operator");
        browser.await(d -> browser.path().startsWith("/console"));
        browser.open("/console/inventory?sku=TSHIRT-BLK-M");
        browser.click("#pause-DS-GRANDRAPIDS");
        browser.await(d -> !browser.all("#open-DS-GRANDRAPIDS").isEmpty());
        assertThat(network.get("DS-GRANDRAPIDS").status().name()).isEqualTo("PAUSED");
        assertThat(browser.all("#us-map a.paused circle[data-node='DS-GRANDRAPIDS']")).hasSize(1);
        browser.click("#open-DS-GRANDRAPIDS");
        browser.await(d -> !browser.all("#pause-DS-GRANDRAPIDS").isEmpty());
        assertThat(network.get("DS-GRANDRAPIDS").status().name()).isEqualTo("OPEN");

        long id = deadLetters.record("console-test", "row " + SEQUENCE.incrementAndGet(), "{\"sku\":\"?\"}",
                "no such SKU");
        browser.open("/console/dead-letters?status=OPEN");
        assertThat(browser.text("#dead-letters")).contains("no such SKU");
        browser.screenshot("09-dead-letters");
        browser.type("#note-" + id, "test row");
        browser.click("#discard-" + id);
        browser.await(d -> !browser.all("[role=status]").isEmpty());
        assertThat(browser.text("[role=status]")).isEqualTo("Dead letter " + id + ": discarded");
        assertThat(deadLetters.find(id).orElseThrow().status().name()).isEqualTo("DISCARDED");
    }

    @Test
    void anAnalystTriesATableVersionOnPartOfTheOrdersAndRollsItBack() throws Exception {
        Path table = Path.of("target", "console-shipment-delay.dmn").toAbsolutePath();
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/dmn/shipment-delay.dmn")) {
            Files.createDirectories(table.getParent());
            Files.write(table, in.readAllBytes());
        }
        browser.logIn("viewer", "viewer");
        browser.await(d -> browser.path().startsWith("/console"));
        browser.open("/console/rules");
        assertThat(browser.text("#decision-tables")).contains("order-screening").contains("shipment-delay");
        assertThat(browser.all("#start-rollout")).as("a viewer starts nothing").isEmpty();

        browser.forgetSession();
        browser.logIn("analyst", "analyst");
        browser.await(d -> browser.path().startsWith("/console"));
        browser.open("/console/rules");
        new Select(browser.find("#rollout-table")).selectByValue("shipment-delay");
        browser.find("#rollout-file").sendKeys(table.toString());
        browser.type("#rollout-region", "ny");
        browser.type("#rollout-share", "25");
        browser.click("#start-rollout-button");
        browser.await(d -> !browser.all("[role=status]").isEmpty());
        assertThat(browser.text("[role=status]")).contains("shipment-delay v").contains("decides shipping to NY, 25 % of orders");
        assertThat(browser.text("#rollout-shipment-delay")).contains("(candidate)").contains("(base)");
        browser.screenshot("10-rules");

        browser.click("#rollback-shipment-delay");
        browser.await(d -> browser.all("#rollout-shipment-delay").isEmpty());
        assertThat(browser.text("[role=status]")).contains("decides every order again");
        assertThat(browser.text("#table-shipment-delay")).contains("ROLLED_BACK");
    }

    @Test
    void tasklistUsersLogInWithoutABrowserPromptAndOutInTasklist() {
        browser.open("/camunda/app/tasklist/default/");
        assertThat(browser.path()).as("no Basic prompt: the login page").startsWith("/login");
        browser.logIn("clerk", "clerk");
        browser.await(d -> browser.path().startsWith("/camunda/app/tasklist/default/"));
        browser.await(d -> !browser.all("li.account a.dropdown-toggle").isEmpty());
        assertThat(browser.text("li.account a.dropdown-toggle")).contains("clerk");
        browser.screenshot("10-tasklist");

        browser.clickWhenShown("li.account a.dropdown-toggle");
        browser.clickWhenShown("li.logout a");
        browser.await(d -> !browser.all("form[name=signinForm] input[type=password]").isEmpty());
        browser.screenshot("11-tasklist-logged-out");
        browser.open("/console/orders");
        assertThat(browser.path()).as("Tasklist's logout ended the session").startsWith("/login");

        browser.open("/camunda/app/tasklist/default/");
        browser.logIn("clerk", "clerk");
        browser.await(d -> browser.path().startsWith("/camunda/app/tasklist/default/"));
        browser.clickWhenShown("li.account a.dropdown-toggle");
        browser.clickWhenShown("li.logout a");
        browser.await(d -> !browser.all("form[name=signinForm] input[type=password]").isEmpty());
        browser.type("form[name=signinForm] input[type=text]", "clerk");
        browser.type("form[name=signinForm] input[type=password]", "clerk");
        browser.clickWhenShown("form[name=signinForm] button");
        browser.await(d -> !browser.all("li.account a.dropdown-toggle").isEmpty()
                && browser.text("li.account a.dropdown-toggle").contains("clerk"));
        browser.open("/console/orders");
        assertThat(browser.path()).as("Tasklist's own login form starts the same session").startsWith("/console/orders");
    }

    private String skuWithStock(String prefix, Map<String, Integer> unitsByNode) {
        String sku = prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Api.Response created = api.post("/api/skus", Map.of("sku", sku, "name", "Console " + sku, "category", "TEST",
                "weightKg", 0.25, "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false),
                Api.ADMIN);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        unitsByNode.forEach((node, units) -> assertThat(api.post("/api/inventory/adjustments", Map.of("eventId",
                "stock-" + sku + "-" + node, "nodeId", node, "sku", sku, "setOnHand", units, "reason", "test stock"),
                Api.ADMIN).status()).isIn(200, 201));
        return sku;
    }

    private String place(String sku, int quantity, String email) {
        Api.Response accepted = api.post("/api/orders", Map.of("channel", "WEB",
                "channelOrderId", "CONSOLE-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "customer", Map.of("id", "C-CONSOLE", "tier", "STANDARD", "email", email),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", 19.90))), Api.INTEGRATION);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("orderId").asText();
    }
}
