package io.maestro.core.order;

/** What the customer (or channel) values most when Maestro chooses how to fulfil. */
public enum Preference {
    FASTEST, CHEAPEST, BALANCED, GREEN
}
