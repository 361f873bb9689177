package io.maestro.app.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maestro.metrics.*}: the operations metrics at {@code /actuator/prometheus}.
 *
 * @param window  the orders that split rate, fill rate, cost and CO2e per order are computed over (received within it)
 * @param refresh how often the figures are read from the database (a scrape reads the last ones, never the database)
 */
@ConfigurationProperties("maestro.metrics")
public record MetricsProperties(@DefaultValue("PT24H") Duration window, @DefaultValue("PT15S") Duration refresh) {
}
