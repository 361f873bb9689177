package io.maestro.core.order;

/** How the customer gets the goods: shipped, picked up in store (BOPIS), or handed over at the curb. */
public enum DeliveryOption {
    SHIP, BOPIS, CURBSIDE
}
