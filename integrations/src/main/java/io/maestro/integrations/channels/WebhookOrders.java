package io.maestro.integrations.channels;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.order.IntakeResult;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderIntake;
import io.maestro.integrations.WebhookSignature;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Orders a channel pushes by webhook: the signature is checked before anything is read, the payload (canonical
 * order or web-store shape) is mapped and handed to the idempotent intake. A redelivered order returns the
 * existing one.
 */
@Service
public class WebhookOrders {

    /** Content type of the web-store shape; anything else is read as the canonical order. */
    public static final String WEB_STORE_TYPE = "application/vnd.maestro.webstore+json";

    private final ChannelSecrets secrets;
    private final OrderIntake intake;
    private final ObjectMapper json;

    public WebhookOrders(ChannelSecrets secrets, OrderIntake intake, ObjectMapper json) {
        this.secrets = secrets;
        this.intake = intake;
        this.json = json;
    }

    public IntakeResult receive(String channelPath, byte[] body, String contentType, String signature) {
        String channel = channelPath.toUpperCase(Locale.ROOT);
        String secret = secrets.secretOf(channelPath)
                .orElseThrow(() -> new SignatureRejectedException("channel " + channel + " takes no webhook orders"));
        if (signature == null || signature.isBlank()) {
            throw new SignatureRejectedException("header " + WebhookSignature.HEADER + " is missing");
        }
        if (!WebhookSignature.verify(secret, body, signature)) {
            throw new SignatureRejectedException("header " + WebhookSignature.HEADER + " does not match the body");
        }
        boolean webStore = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(WEB_STORE_TYPE);
        if (webStore) {
            NewOrder order = WebStoreMapping.toNewOrder(channel, read(body, WebStoreOrder.class));
            try {
                return intake.accept(order, "channel:" + channel);
            } catch (InvalidRequestException e) {
                throw WebStoreMapping.inStoreTerms(e);
            }
        }
        NewOrder order = read(body, NewOrder.class);
        if (order.channel() != null && !order.channel().equals(channel)) {
            throw new InvalidRequestException("channel", "is " + order.channel() + " but the webhook is channel " + channel);
        }
        return intake.accept(new NewOrder(channel, order.channelOrderId(), order.customer(), order.shipTo(),
                order.deliveryOption(), order.pickupNodeId(), order.preference(), order.shipComplete(), order.lines()),
                "channel:" + channel);
    }

    private <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new MalformedPayloadException("the body is empty");
        }
        try {
            return json.readValue(body, type);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty() || brokenJson(e)) {
                throw new MalformedPayloadException("not valid JSON: " + e.getOriginalMessage());
            }
            throw new InvalidRequestException(List.of(new Violation(path(e.getPath()), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayloadException("unreadable body: " + e.getMessage());
        }
    }

    /** A syntax error met while binding (e.g. the body ends too early) is still broken JSON, not a bad field. */
    private static boolean brokenJson(JsonMappingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException || t.getMessage() != null && t.getMessage().contains("end-of-input")) {
                return true;
            }
        }
        return false;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
