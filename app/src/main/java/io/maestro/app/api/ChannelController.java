package io.maestro.app.api;

import io.maestro.core.order.IntakeResult;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.channels.WebhookOrders;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order webhooks of the sales channels. The body is signed with the channel's secret (header
 * {@code X-Maestro-Signature}); it is the canonical order, or the web-store shape with
 * {@code Content-Type: application/vnd.maestro.webstore+json}. 201 when new, 200 with the existing order when
 * the channel sent it before, 401 when the signature is missing or wrong (nothing stored).
 */
@ConditionalOnWebApplication
@RestController
public class ChannelController {

    private final WebhookOrders webhooks;

    public ChannelController(WebhookOrders webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/channels/{channel}/orders")
    public ResponseEntity<OrderController.Accepted> order(@PathVariable String channel,
                                                          @RequestBody(required = false) byte[] body,
                                                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                                          @RequestHeader(value = WebhookSignature.HEADER, required = false) String signature) {
        IntakeResult result = webhooks.receive(channel, body == null ? new byte[0] : body, contentType, signature);
        OrderController.Accepted accepted = new OrderController.Accepted(result.order().orderId(), result.order().status());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + accepted.orderId())).body(accepted)
                : ResponseEntity.ok(accepted);
    }
}
