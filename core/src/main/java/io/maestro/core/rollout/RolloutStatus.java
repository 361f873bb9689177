package io.maestro.core.rollout;

/** Where a soft launch stands. */
public enum RolloutStatus {
    /** The candidate decides the slice's orders; the others keep the base version. */
    ACTIVE,
    /** The candidate decides every order. */
    PROMOTED,
    /** Every order is decided by the base version again, until a version newer than the candidate is deployed. */
    ROLLED_BACK
}
