package io.maestro.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.SampleOrders;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist walked in a real browser (headless Chromium) by the people who work in it: the returns clerk sees the
 * clerk's own task but neither sees nor may claim the operator's; the operator logs in on the login page, finds the
 * group's filters (and may neither change them nor add shared ones) and the escalated order's task by its name, reads
 * the order's facts and the candidate plans table on the form, claims and completes it, and the decision with its note
 * lands on the order's timeline. Screenshots go to {@code target/console-screenshots}; without Chromium on the machine
 * the test is skipped, saying so.
 */
@MaestroTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired OrderService orders;
    @Autowired FilterService filters;
    Api api;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.startOrSkip(port, "the Tasklist browser test is");
        api = new Api(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorResolvesAnEscalatedOrderAndTheReturnsClerkSeesOnlyTheClerksOwnTask() {
        String sku = skuWithStock("TASKLIST-TEE", Map.of("DC-OLEAN", 1));
        String orderId = place(sku, 3);
        Task escalated = awaitEscalation(orderId);
        String returnOrder = deliveredOrderWithAReturn();

        browser.open(TASKLIST);
        assertThat(browser.path()).as("no Basic prompt: the login page").startsWith("/login");
        browser.logIn("clerk", "clerk");
        browser.await(d -> browser.path().startsWith(TASKLIST));
        browser.clickText("My groups' tasks");
        browser.await(d -> browser.pageText().contains("Inspect the returned line · " + returnOrder));
        assertThat(browser.pageText()).as("the operator's tasks are not the clerk's").doesNotContain(orderId)
                .doesNotContain("Resolve allocation exception").doesNotContain("Review held order");
        browser.screenshot("20-tasklist-clerk");
        String claim = webappCall("POST", "/task/" + escalated.getId() + "/claim", "{\"userId\": \"clerk\"}");
        assertThat(claim).as("the clerk may not claim the operator's task").startsWith("403 ").contains("does not have");
        assertThat(tasks.createTaskQuery().taskId(escalated.getId()).singleResult().getAssignee()).isNull();

        browser.forgetSession();
        browser.open(TASKLIST);
        assertThat(browser.path()).startsWith("/login");
        browser.logIn("operator", "operator");
        browser.await(d -> browser.path().startsWith(TASKLIST));
        browser.await(d -> browser.pageText().contains("My groups' tasks"));
        assertThat(browser.pageText()).contains("My tasks").doesNotContain("All tasks");
        browser.clickText("My groups' tasks");
        browser.await(d -> browser.pageText().contains(orderId));
        assertThat(browser.pageText()).as("the task's name carries the order, the customer and the value")
                .contains("Resolve allocation exception · " + orderId + " · C-TL (VIP) · $59.70")
                .doesNotContain("Inspect the returned line · " + returnOrder);
        browser.screenshot("21-tasklist-operator");
        Filter groups = filters.createFilterQuery().filterName("My groups' tasks").singleResult();
        String create = webappCall("POST", "/filter/create", "{\"resourceType\": \"Task\", \"name\": \"Mine\", "
                + "\"query\": {}}");
        assertThat(create).as("no new shared filters").startsWith("403 ").contains("does not have");
        String change = webappCall("PUT", "/filter/" + groups.getId(), "{\"resourceType\": \"Task\", \"name\": "
                + "\"My groups' tasks\", \"query\": {}}");
        assertThat(change).as("the shared filter is not the operator's to change").startsWith("403 ")
                .contains("does not have");

        browser.clickText("Resolve allocation exception · " + orderId);
        browser.await(d -> !browser.all(".fjs-container").isEmpty() && browser.pageText().contains("Candidate plans"));
        browser.screenshot("22-allocation-exception-form");
        String form = browser.find("textarea[id$=Field_OrderFacts]").getDomProperty("value");
        assertThat(form).contains("C-TL (VIP), tl@example.com")
                .contains("Ship to: Casey Doe, 10 Jay St, Brooklyn, NY 11201, US")
                .contains("3 × " + sku + " at $19.90 = $59.70")
                .contains("Order total: $59.70 (USD)")
                .contains("Available now: 33 % of the units");
        List<List<String>> plans = browser.all(".fjs-container table tbody tr").stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(cell -> cell.getDomProperty("textContent").trim()).toList()).toList();
        assertThat(browser.find(".fjs-container table thead").getDomProperty("textContent")).contains("Plan")
                .contains("Cost").contains("Arrives in").contains("Ships, or why not chosen");
        browser.scrollTo(".fjs-container table");
        browser.screenshot("23-candidate-plans");
        assertThat(plans).as("the candidate plans as a table").hasSizeGreaterThan(1);
        assertThat(plans.get(0)).satisfies(chosen -> {
            assertThat(chosen.get(0)).isEqualTo("Chosen: DC-OLEAN");
            assertThat(chosen.get(1)).matches("\\$[0-9,]+\\.[0-9]{2}");
            assertThat(chosen.get(2)).matches("[0-9]+ days?");
            assertThat(chosen.get(3)).contains("Olean").contains("1 × " + sku).contains("not placed now: 2 × " + sku);
        });
        assertThat(plans.subList(1, plans.size())).as("each node passed over: its cost, or why it could not serve")
                .allSatisfy(node -> assertThat(node.get(1).matches("\\$[0-9,]+\\.[0-9]{2}")
                        || node.get(3).contains("lacks " + sku)).as(node.toString()).isTrue());

        browser.clickText("Claim");
        await("claimed").atMost(PATIENCE).until(() -> "operator".equals(tasks.createTaskQuery()
                .taskId(escalated.getId()).singleResult().getAssignee()));
        browser.await(d -> browser.pageText().contains("Operator (Maestro)"));
        browser.clickText("Ship what is available now");
        browser.type("textarea[id$=Field_OperatorNote]", "ship the one we have, the rest when it comes");
        browser.screenshot("24-allocation-exception-filled");
        browser.clickText("Complete");
        await("the task completed").atMost(PATIENCE).until(() -> tasks.createTaskQuery().taskId(escalated.getId())
                .count() == 0);
        JsonNode completed = await("the decision on the timeline").atMost(PATIENCE)
                .until(() -> timelineEntry(orderId, "TASK_COMPLETED"), Optional::isPresent).get();
        assertThat(completed.path("actor").asText()).isEqualTo("operator");
        assertThat(completed.path("reason").asText()).contains("operatorDecision = SHIP_PARTIAL")
                .contains("operatorNote = ship the one we have, the rest when it comes");
        browser.screenshot("25-allocation-exception-completed");
    }

    /**
     * Calls the engine API the webapps use as Tasklist does, in the browser's session with the CSRF token from its
     * cookie; the answer's status and body.
     */
    private String webappCall(String method, String path, String body) {
        return (String) browser.script("""
                const done = arguments[arguments.length - 1];
                const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                fetch('/camunda/api/engine/engine/default' + arguments[1], {method: arguments[0],
                    headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie ? cookie.substring(11) : ''},
                    body: arguments[2]})
                  .then(r => r.text().then(body => done(r.status + " " + body)), e => done(String(e)));
                """, method, path, body);
    }

    private Task awaitEscalation(String orderId) {
        // three backorders come first, each at its retry time: the test fires their timers
        return await("escalated: " + orderId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreException(OptimisticLockingException.class).until(() -> {
                    Task task = tasks.createTaskQuery().processInstanceBusinessKey(orderId)
                            .taskDefinitionKey("Task_ResolveAllocationException").singleResult();
                    Job timer = task == null ? retryTimer(orderId) : null;
                    if (timer != null) {
                        management.executeJob(timer.getId());
                    }
                    return task;
                }, Objects::nonNull);
    }

    private Job retryTimer(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("order-fulfillment")
                .processInstanceBusinessKey(orderId).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId())
                        .activityId("CatchEvent_BackorderRetry").timers().list().stream())
                .findFirst().orElse(null);
    }

    private String deliveredOrderWithAReturn() {
        String orderId = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("TL-RET-" + System.nanoTime()),
                Api.INTEGRATION).json().get("orderId").asText();
        TestData.delivered(orders, orderId, new Shipment(orderId + "-t-1", "DC-OLEAN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)), "SWIFT", "GROUND", BigDecimal.ONE, BigDecimal.ONE, null,
                ShipmentStatus.PLANNED, "1Z"));
        Api.Response returned = api.post("/api/returns", Map.of("orderId", orderId, "nodeId", "DC-BROOKLYN",
                "lines", List.of(Map.of("sku", "TSHIRT-BLK-M", "quantity", 1, "reason", "too small"))),
                Api.Auth.user("operator"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        return orderId;
    }

    private Optional<JsonNode> timelineEntry(String orderId, String type) {
        for (JsonNode entry : api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().path("entries")) {
            if (entry.path("type").asText().equals(type)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private String skuWithStock(String prefix, Map<String, Integer> unitsByNode) {
        String sku = prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Api.Response created = api.post("/api/skus", Map.of("sku", sku, "name", "Tasklist " + sku, "category", "TEST",
                "weightKg", 0.25, "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false),
                Api.ADMIN);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        unitsByNode.forEach((node, units) -> assertThat(api.post("/api/inventory/adjustments", Map.of("eventId",
                "stock-" + sku + "-" + node, "nodeId", node, "sku", sku, "setOnHand", units, "reason", "test stock"),
                Api.ADMIN).status()).isIn(200, 201));
        return sku;
    }

    private String place(String sku, int quantity) {
        Api.Response accepted = api.post("/api/orders", Map.of("channel", "WEB",
                "channelOrderId", "TASKLIST-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "customer", Map.of("id", "C-TL", "tier", "VIP", "email", "tl@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", 19.90))), Api.INTEGRATION);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("orderId").asText();
    }
}
