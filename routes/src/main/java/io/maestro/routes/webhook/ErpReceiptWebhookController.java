package io.maestro.routes.webhook;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.replenishment.PurchaseOrderReceipt;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.erp.ErpReceiptMessage;
import io.maestro.integrations.erp.ErpWebhookSecret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ERP's purchase order receipts: signature first (nothing read without it), then the units go into the ledger
 * at the order's node ({@link PurchaseOrders#receive}, once per {@code eventId}). A receipt that names no purchase
 * order or has bad fields is {@code 422} naming them, and kept as a dead letter ({@code erp-receipt}).
 */
@RestController
public class ErpReceiptWebhookController {

    static final String SOURCE = "erp-receipt";

    private final PurchaseOrders purchaseOrders;
    private final ErpWebhookSecret secret;
    private final DeadLetters deadLetters;

    public ErpReceiptWebhookController(PurchaseOrders purchaseOrders, ErpWebhookSecret secret, DeadLetters deadLetters) {
        this.purchaseOrders = purchaseOrders;
        this.secret = secret;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/partners/erp/receipts")
    public Map<String, Object> receipt(@RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = WebhookSignature.HEADER, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.verify(secret.value(), raw, signature)) {
            throw new BadSignatureException("erp");
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        PurchaseOrders.Received received;
        try {
            PurchaseOrderReceipt receipt = ErpReceiptMessage.read(text);
            received = purchaseOrders.receive(receipt);
        } catch (InvalidRequestException e) {
            deadLetters.record(SOURCE, "erp", text, e.getMessage());
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", received.duplicate() ? "duplicate" : "received");
        answer.put("requestId", received.order().requestId());
        answer.put("purchaseOrderStatus", received.order().status());
        return answer;
    }
}
