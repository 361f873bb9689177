package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.RefundRequest;
import io.maestro.core.partner.ReplenishmentRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ERP gateway against the sandbox ERP over real HTTP: what the ERP receives, once per request id. */
@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maestro.data-dir=target/test-data/erp-gateway")
class ErpGatewayTest {

    @Autowired ErpGateway erp;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void aRefundReachesTheErpOnceHoweverOftenItIsSent() throws Exception {
        RefundRequest refund = new RefundRequest("RF-1", "ORD-1", "RET-1", new BigDecimal("39.80"), "USD", "damaged");

        erp.requestRefund(refund);
        erp.requestRefund(refund);

        JsonNode received = sandbox("/sandbox/erp/refunds");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("refundId").asText()).isEqualTo("RF-1");
        assertThat(received.get(0).get("amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(received.get(0).get("returnId").asText()).isEqualTo("RET-1");
    }

    @Test
    void aPurchaseOrderReachesTheErp() throws Exception {
        erp.requestReplenishment(new ReplenishmentRequest("PO-1", "DC-BKN", "TSHIRT-BLK-M", 120, "below reorder point"));

        JsonNode received = sandbox("/sandbox/erp/purchase-orders");
        assertThat(received).singleElement().satisfies(po -> {
            assertThat(po.get("requestId").asText()).isEqualTo("PO-1");
            assertThat(po.get("quantity").asLong()).isEqualTo(120);
            assertThat(po.get("nodeId").asText()).isEqualTo("DC-BKN");
        });
    }

    private JsonNode sandbox(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
