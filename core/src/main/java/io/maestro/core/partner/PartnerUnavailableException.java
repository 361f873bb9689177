package io.maestro.core.partner;

/**
 * A partner could not take a request now (unreachable, timing out, failing with 5xx, busy with 429): the caller retries
 * later. A partner that answers no throws {@link PartnerRefusedException} instead.
 */
public class PartnerUnavailableException extends RuntimeException {

    public PartnerUnavailableException(String partner, String message, Throwable cause) {
        super(partner + " unavailable: " + message, cause);
    }

    public PartnerUnavailableException(String partner, String message) {
        super(partner + " unavailable: " + message);
    }
}
