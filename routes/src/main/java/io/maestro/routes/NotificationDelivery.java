package io.maestro.routes;

import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.integrations.Json;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.notifications.NotificationProperties;
import io.maestro.integrations.notifications.NotificationWebhookMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the due notifications of the outbox, each once: a deliverer first claims a notification (a conditional
 * update only one of several application nodes wins), sends it, then marks it sent. A failure keeps its error and
 * is retried after an exponentially growing pause; after {@code max-attempts} it is FAILED, for an operator to see.
 */
@Component
public class NotificationDelivery {

    static final String EMAIL = "direct:notification-email";
    static final String WEBHOOK = "direct:notification-webhook";
    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationOutbox outbox;
    private final NotificationProperties properties;
    private final ProducerTemplate camel;

    public NotificationDelivery(NotificationOutbox outbox, NotificationProperties properties, ProducerTemplate camel) {
        this.outbox = outbox;
        this.properties = properties;
        this.camel = camel;
    }

    /** Sends what is due now; returns how many were sent by this deliverer. */
    public int deliverDue() {
        int sent = 0;
        for (Notification notification : outbox.due(properties.getBatch())) {
            if (!outbox.claim(notification.id(), Duration.ofMillis(properties.getClaimMs()))) {
                continue;
            }
            try {
                send(notification);
                if (outbox.markSent(notification.id())) {
                    sent++;
                }
            } catch (RuntimeException e) {
                String error = reason(e);
                log.warn("Notification {} not delivered (attempt {}): {}", notification.id(), notification.attempts() + 1, error);
                outbox.markAttemptFailed(notification.id(), error, retryAfter(notification.attempts()),
                        properties.getMaxAttempts());
            }
        }
        return sent;
    }

    private void send(Notification n) {
        boolean webhook = !properties.getWebhook().getUrl().isBlank();
        if (n.recipient() == null && !webhook) {
            throw new IllegalStateException("no recipient and no notification webhook configured");
        }
        if (webhook) {
            String body = Json.write(NotificationWebhookMessage.of(n));
            Map<String, Object> headers = new HashMap<>();
            headers.put(Exchange.HTTP_METHOD, "POST");
            headers.put(Exchange.CONTENT_TYPE, "application/json");
            headers.put(WebhookSignature.HEADER, WebhookSignature.sign(properties.getWebhook().getSecret(), body));
            camel.requestBodyAndHeaders(WEBHOOK, body, headers);
        }
        if (n.recipient() != null) {
            Map<String, Object> headers = new HashMap<>();
            headers.put("To", n.recipient());
            headers.put("From", properties.getSmtp().getFrom());
            headers.put("Subject", n.subject());
            headers.put("X-Maestro-Notification", n.dedupKey());
            camel.requestBodyAndHeaders(EMAIL, n.body(), headers);
        }
    }

    private Duration retryAfter(int attemptsSoFar) {
        long delay = properties.getRetryDelayMs() * (1L << Math.min(attemptsSoFar, 10));
        return Duration.ofMillis(Math.min(delay, Duration.ofHours(6).toMillis()));
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
