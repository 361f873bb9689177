package io.maestro.routes;

import io.maestro.integrations.notifications.NotificationProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Customer notifications: {@code notification-outbox} polls the outbox and hands each due notification to
 * {@link NotificationDelivery}, which sends it by {@code notification-email} (SMTP) and, when a URL is configured,
 * {@code notification-webhook} (signed POST). Failures are retried by the outbox's own schedule.
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    private final NotificationProperties properties;
    private final NotificationDelivery delivery;
    private final RouteErrorPolicy errorPolicy;
    private final Environment environment;

    public NotificationRoutes(NotificationProperties properties, NotificationDelivery delivery, RouteErrorPolicy errorPolicy,
                              Environment environment) {
        this.environment = environment;
        this.properties = properties;
        this.delivery = delivery;
        this.errorPolicy = errorPolicy;
    }

    @Override
    public void configure() {
        errorPolicy.applyToOutbox(this);

        from("timer:notification-outbox?period={{maestro.notifications.poll-ms:1000}}&delay={{maestro.notifications.poll-ms:1000}}")
                .routeId("notification-outbox")
                .autoStartup(properties.isEnabled())
                .bean(delivery, "deliverDue");

        if (environment.getProperty("maestro.notifications.smtp.host", "").isBlank()) {
            from(NotificationDelivery.EMAIL).routeId("notification-email")
                    .throwException(new IllegalStateException("no SMTP server configured (maestro.notifications.smtp.host)"));
        } else {
            String credentials = properties.getSmtp().getUsername().isBlank() ? ""
                    : "&username={{maestro.notifications.smtp.username}}&password=RAW({{maestro.notifications.smtp.password}})";
            from(NotificationDelivery.EMAIL).routeId("notification-email")
                    .to("smtp://{{maestro.notifications.smtp.host}}:{{maestro.notifications.smtp.port:25}}"
                            + "?contentType=text/plain;charset=UTF-8" + credentials);
        }

        if (!properties.getWebhook().getUrl().isBlank()) {
            from(NotificationDelivery.WEBHOOK).routeId("notification-webhook")
                    .to("{{maestro.notifications.webhook.url}}");
        }
    }
}
