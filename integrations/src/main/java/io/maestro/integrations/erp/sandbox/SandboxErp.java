package io.maestro.integrations.erp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * Kept in memory. Off when {@code maestro.sandbox.enabled=false}.
 */
@RestController
@RequestMapping("/sandbox/erp")
@ConditionalOnProperty(name = "maestro.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxErp {

    private final Map<String, JsonNode> refunds = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> purchaseOrders = new ConcurrentHashMap<>();

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
        return take(purchaseOrders, request, "requestId");
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
