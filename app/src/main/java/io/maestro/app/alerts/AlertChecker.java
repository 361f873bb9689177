package io.maestro.app.alerts;

import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.notify.NotificationRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the alert conditions every {@code maestro.alerts.check} and tells operations when one starts (ALERT_FIRING)
 * and when it ends (ALERT_RESOLVED), once each, through the notification outbox: e-mail to {@code maestro.alerts.email}
 * and the signed notification webhook, with the outbox's retries. A condition that keeps holding is not sent again.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "maestro.alerts.enabled", havingValue = "true", matchIfMissing = true)
public class AlertChecker {

    /** Alerts are about the network, not one order; the outbox's order id names the alert instead. */
    static final String ORDER_ID = "ALERT";

    private static final Logger log = LoggerFactory.getLogger(AlertChecker.class);

    private final AlertConditions conditions;
    private final AlertStates states;
    private final NotificationOutbox outbox;
    private final AlertProperties properties;

    public AlertChecker(AlertConditions conditions, AlertStates states, NotificationOutbox outbox,
                        AlertProperties properties) {
        this.conditions = conditions;
        this.states = states;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${maestro.alerts.check:PT1M}", initialDelayString = "${maestro.alerts.check:PT1M}")
    @Transactional
    public void check() {
        Map<String, Alert> holding = conditions.holding().stream()
                .collect(Collectors.toMap(Alert::key, a -> a, (a, b) -> a));
        for (Alert alert : holding.values()) {
            if (states.fire(alert)) {
                log.warn("Alert {}: {}", alert.key(), alert.message());
                send(alert, "ALERT_FIRING", "[Maestro alert] " + alert.rule() + " " + alert.subject(), alert.message());
            }
        }
        for (Alert alert : states.firing()) {
            if (!holding.containsKey(alert.key()) && states.resolve(alert.key())) {
                log.info("Alert {} resolved", alert.key());
                send(alert, "ALERT_RESOLVED", "[Maestro resolved] " + alert.rule() + " " + alert.subject(),
                        "Resolved: " + alert.message());
            }
        }
    }

    private void send(Alert alert, String type, String subject, String body) {
        String email = properties.email() == null || properties.email().isBlank() ? null : properties.email();
        String dedupKey = "alert:" + alert.key() + ":" + type + ":" + states.firedAt(alert.key()).toInstant();
        outbox.enqueue(new NotificationRequest(dedupKey, ORDER_ID, type, email, subject, body,
                Map.of("rule", alert.rule(), "subject", alert.subject())));
    }
}
