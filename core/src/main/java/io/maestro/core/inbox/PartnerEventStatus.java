package io.maestro.core.inbox;

/** PENDING until its process took it (CORRELATED); FAILED when no process would take it after every retry. */
public enum PartnerEventStatus {
    PENDING, CORRELATED, FAILED
}
