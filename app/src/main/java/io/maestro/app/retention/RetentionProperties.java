package io.maestro.app.retention;

import io.maestro.core.retention.RetentionPurge.Retention;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Maestro keeps the rows of its own tables that only grow ({@code maestro.retention.*}), and when the
 * nightly purge runs.
 *
 * @param cron            when the purge runs (Spring cron, server time zone); "-" never
 * @param partnerEvents   partner events after their process took them
 * @param notifications   notifications after they were sent
 * @param deadLetters     dead letters after an operator replayed or discarded them
 * @param processedEvents keys of processed external events (inventory event ids): a repeat older than this is
 *                        applied again, so keep it longer than any partner may redeliver
 */
@ConfigurationProperties("maestro.retention")
public record RetentionProperties(String cron, Duration partnerEvents, Duration notifications, Duration deadLetters,
                                  Duration processedEvents) {

    public RetentionProperties {
        cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
        partnerEvents = partnerEvents == null ? Duration.ofDays(30) : partnerEvents;
        notifications = notifications == null ? Duration.ofDays(30) : notifications;
        deadLetters = deadLetters == null ? Duration.ofDays(90) : deadLetters;
        processedEvents = processedEvents == null ? Duration.ofDays(90) : processedEvents;
    }

    public Retention retention() {
        return new Retention(partnerEvents, notifications, deadLetters, processedEvents);
    }
}
