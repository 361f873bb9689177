package io.maestro.app.api;

import static io.maestro.app.Api.INTEGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.SampleOrders;
import io.maestro.core.testing.TestData;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MaestroTest
class ReturnApiTest {

    @LocalServerPort int port;
    @Autowired OrderService orders;
    @Autowired TaskService tasks;
    Api api;
    String orderId;

    @BeforeEach
    void aDeliveredOrderOfTwoTshirts() {
        api = new Api(port);
        orderId = api.post("/api/orders", SampleOrders.twoTshirtsToBrooklyn("RET-" + System.nanoTime()), INTEGRATION)
                .json().get("orderId").asText();
        TestData.delivered(orders, orderId, new Shipment(orderId + "-t-1", "DC-OLEAN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)), "SWIFT", "GROUND", BigDecimal.ONE, BigDecimal.ONE, null,
                ShipmentStatus.PLANNED, "1Z"));
    }

    @Test
    void aReturnAtAnyNodeIsReceivedAndWaitsForInspection() {
        Api.Response response = api.post("/api/returns", Map.of("orderId", orderId, "nodeId", "DC-BROOKLYN",
                "lines", List.of(Map.of("sku", "TSHIRT-BLK-M", "quantity", 1, "reason", "too small"))), Api.Auth.user("operator"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        String returnId = created.get("returnId").asText();
        assertThat(created.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(created.get("lines").get(0).get("orderLineNo").asInt()).isEqualTo(1);
        assertThat(api.get("/api/returns/" + returnId, Api.Auth.user("viewer")).json().get("orderId").asText())
                .isEqualTo(orderId);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup("returns-clerk")
                .taskDefinitionKey("Task_InspectReturn").count()).as("customer-return waits for the clerk").isEqualTo(1);
        assertThat(api.get("/api/orders/" + orderId + "/timeline", Api.ADMIN).json().findValuesAsText("type"))
                .contains("RETURN_RECEIVED");
    }

    @Test
    void theSameReturnIdAgainIs200WithTheStoredReturn() {
        Map<String, Object> body = Map.of("returnId", "POS-" + orderId, "orderId", orderId, "nodeId", "DC-OLEAN",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 2)));

        assertThat(api.post("/api/returns", body, INTEGRATION).status()).isEqualTo(201);
        Api.Response again = api.post("/api/returns", body, INTEGRATION);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("returnId").asText()).isEqualTo("POS-" + orderId);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).count()).isEqualTo(1);
    }

    @Test
    void theSameReturnIdForAnotherReturnIs409NamingIt() {
        Map<String, Object> body = Map.of("returnId", "POS-R-" + orderId, "orderId", orderId, "nodeId", "DC-OLEAN",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1)));
        Map<String, Object> other = Map.of("returnId", "POS-R-" + orderId, "orderId", orderId, "nodeId", "DC-OLEAN",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 2)));

        assertThat(api.post("/api/returns", body, INTEGRATION).status()).isEqualTo(201);
        Api.Response conflict = api.post("/api/returns", other, INTEGRATION);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText()).isEqualTo("returnId POS-R-" + orderId
                + " was already used for a different return (order " + orderId + ")");
        assertThat(conflict.json().get("errors").get(0).get("field").asText()).isEqualTo("returnId");
        assertThat(api.post("/api/returns", body, INTEGRATION).status()).isEqualTo(200);
    }

    @Test
    void aFractionalQuantityIs422NamingTheLine() {
        Api.Response response = api.post("/api/returns", Map.of("orderId", orderId, "nodeId", "DC-OLEAN",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 0.5))), INTEGRATION);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
    }

    @Test
    void badInputIs422NamingEveryFieldAndStoresNothing() {
        Api.Response unknown = api.post("/api/returns", Map.of("orderId", "ORD-NOPE", "nodeId", "NODE-NOPE",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1))), INTEGRATION);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("orderId", "nodeId");

        Api.Response tooMany = api.post("/api/returns", Map.of("orderId", orderId, "nodeId", "DC-OLEAN",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 3), Map.of("sku", "NO-SUCH", "quantity", 0))), INTEGRATION);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("lines[0].quantity", "lines[1].sku", "lines[1].quantity");
        assertThat(tooMany.json().get("detail").asText()).contains("3 is more than the 2 unit(s) of line 1");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).count()).isZero();
    }
}
