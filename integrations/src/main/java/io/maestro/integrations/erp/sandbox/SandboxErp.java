package io.maestro.integrations.erp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.integrations.erp.ErpWebhookSecret;
import io.maestro.integrations.sandbox.SandboxProperties;
import io.maestro.integrations.sandbox.SandboxWebhooks;
import io.maestro.integrations.sandbox.SimulatedTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in ERP for the default run: takes refunds and purchase orders over HTTP like a real ERP would,
 * idempotent by {@code refundId} / {@code requestId} (201 the first time, 200 again), and shows what it got.
 * A purchase order's goods arrive {@code maestro.sandbox.erp-receipt-after-days} simulated days after it was first
 * taken: the ERP confirms the receipt to Maestro's signed webhook ({@code /api/partners/erp/receipts}, event id
 * {@code receipt-<requestId>}), once per order. Kept in memory. Off when {@code maestro.sandbox.enabled=false}, and without a web server (a standalone worker).
 */
@RestController
@RequestMapping("/sandbox/erp")
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "maestro.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxErp {

    static final String RECEIPTS = "/api/partners/erp/receipts";

    private final Map<String, JsonNode> refunds = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> purchaseOrders = new ConcurrentHashMap<>();
    private final SimulatedTime time;
    private final SandboxWebhooks webhooks;
    private final SandboxProperties properties;
    private final ErpWebhookSecret secret;

    public SandboxErp(SimulatedTime time, SandboxWebhooks webhooks, SandboxProperties properties,
                      ErpWebhookSecret secret) {
        this.time = time;
        this.webhooks = webhooks;
        this.properties = properties;
        this.secret = secret;
    }

    @PostMapping("/refunds")
    public ResponseEntity<Map<String, Object>> refund(@RequestBody JsonNode refund) {
        return take(refunds, refund, "refundId");
    }

    @GetMapping("/refunds")
    public List<JsonNode> refunds() {
        return new ArrayList<>(refunds.values());
    }

    @PostMapping("/purchase-orders")
    public ResponseEntity<Map<String, Object>> purchaseOrder(@RequestBody JsonNode request) {
        ResponseEntity<Map<String, Object>> answer = take(purchaseOrders, request, "requestId");
        if (answer.getStatusCode() == HttpStatus.CREATED) {
            String requestId = request.path("requestId").asText();
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("eventId", "receipt-" + requestId);
            receipt.put("requestId", requestId);
            receipt.put("quantity", request.path("quantity").asLong());
            time.after(properties.getErpReceiptAfterDays(), () -> webhooks.send(RECEIPTS, secret.value(), receipt));
        }
        return answer;
    }

    @GetMapping("/purchase-orders")
    public List<JsonNode> purchaseOrders() {
        return new ArrayList<>(purchaseOrders.values());
    }

    private static ResponseEntity<Map<String, Object>> take(Map<String, JsonNode> store, JsonNode body, String idField) {
        String id = body.path(idField).asText("");
        if (id.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", idField + " is required"));
        }
        boolean first = store.putIfAbsent(id, body) == null;
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of(idField, id, "status", first ? "RECEIVED" : "ALREADY_RECEIVED"));
    }
}
