package io.maestro.core.inbox;

/** Published inside the transaction that stored a new partner event; the correlator delivers it after commit. */
public record PartnerEventReceived(long id) {
}
