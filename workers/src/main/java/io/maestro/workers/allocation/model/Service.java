package io.maestro.workers.allocation.model;

/** Carrier service levels, plus customer pickup at the node (no carrier). */
public enum Service {
    GROUND, TWO_DAY, OVERNIGHT, PICKUP
}
