package io.maestro.app.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maestro.alerts.*}: what operations are woken for, checked every {@code check}.
 *
 * @param enabled                whether alerts are checked and sent at all
 * @param check                  how often the conditions are checked
 * @param email                  the operations team's address (blank: alerts go to the notification webhook only)
 * @param nodeSlaBreaches        acceptance SLA breaches of one node within {@code nodeSlaWindow} that raise an alert
 * @param nodeSlaWindow          the window those breaches are counted in
 * @param deadLettersNew         open dead letters received within {@code deadLettersWindow} that raise an alert
 * @param deadLettersWindow      the window they are counted in
 */
@ConfigurationProperties("maestro.alerts")
public record AlertProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration check,
                              String email, @DefaultValue("3") int nodeSlaBreaches,
                              @DefaultValue("PT1H") Duration nodeSlaWindow, @DefaultValue("5") int deadLettersNew,
                              @DefaultValue("PT1H") Duration deadLettersWindow) {
}
