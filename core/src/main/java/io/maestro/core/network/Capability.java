package io.maestro.core.network;

/** What a node can do for an order. */
public enum Capability {
    SHIP, SHIP_FROM_STORE, PICKUP, CURBSIDE, RETURNS
}
