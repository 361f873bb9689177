package io.maestro.routes.webhook;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.nodes.NodePartners;
import io.maestro.routes.CarrierRoutes;
import io.maestro.routes.NodeRoutes;
import io.maestro.routes.WebhookEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partners' webhooks: node confirmations and carrier tracking. The signature (HMAC-SHA256 of the raw body with
 * the partner's secret) is the authentication: without it nothing is read. A signed message goes through its route
 * into the partner event inbox, once per event id; a bad one is refused naming the field and kept as a dead letter.
 */
@RestController
public class PartnerWebhookController {

    private final ProducerTemplate camel;
    private final NodePartners nodes;
    private final PartnerProperties partners;
    private final DeadLetters deadLetters;

    public PartnerWebhookController(ProducerTemplate camel, NodePartners nodes, PartnerProperties partners,
                                    DeadLetters deadLetters) {
        this.camel = camel;
        this.nodes = nodes;
        this.partners = partners;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/partners/nodes/{nodeId}/events")
    public Map<String, String> nodeEvent(@PathVariable String nodeId, @RequestBody(required = false) byte[] body,
                                         @RequestHeader(value = WebhookSignature.HEADER, required = false) String signature) {
        String secret = nodes.of(nodeId).map(PartnerProperties.Endpoint::secret).orElse(null);
        return receive("direct:node-event", "nodeId", nodeId, NodeRoutes.EVENT_SOURCE, secret, body, signature);
    }

    @PostMapping("/api/partners/carriers/{carrier}/tracking")
    public Map<String, String> carrierTracking(@PathVariable String carrier, @RequestBody(required = false) byte[] body,
                                               @RequestHeader(value = WebhookSignature.HEADER, required = false) String signature) {
        String secret = partners.carrier(carrier).map(PartnerProperties.Endpoint::secret).orElse(null);
        return receive("direct:carrier-tracking", "carrier", carrier, CarrierRoutes.EVENT_SOURCE, secret, body, signature);
    }

    private Map<String, String> receive(String route, String partnerHeader, String partner, String source, String secret,
                                        byte[] body, String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.verify(secret, raw, signature)) {
            throw new BadSignatureException(partner);
        }
        String text = utf8(raw, source, partner);
        try {
            Boolean stored = camel.requestBodyAndHeader(route, text, partnerHeader, partner, Boolean.class);
            return Map.of("status", Boolean.TRUE.equals(stored) ? "received" : "duplicate");
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A body that is not UTF-8 is refused, and kept (as Latin-1, byte for byte) for an operator. */
    private String utf8(byte[] raw, String source, String partner) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            String reason = "is not UTF-8 text";
            deadLetters.record(source, source.startsWith("node") ? "node " + partner : "carrier " + partner,
                    WebhookEnvelope.of(partner, new String(raw, StandardCharsets.ISO_8859_1)).toJson(), "body: " + reason);
            throw new InvalidRequestException("body", reason);
        }
    }
}
