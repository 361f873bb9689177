package io.maestro.processes.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Returns settings (maestro.returns.*).
 *
 * @param centreNode the node that grades returns sent to the returns centre; its stock gets their units. Empty: the
 *                   disposition is recorded, no stock moves.
 */
@ConfigurationProperties("maestro.returns")
public record ReturnsProperties(String centreNode) {
}
