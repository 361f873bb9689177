package io.maestro.integrations.nodes;

/** How a node's system wants its releases: Maestro's JSON message, or CSV lines for older WMS. */
public enum NodeFormat {
    JSON, CSV
}
