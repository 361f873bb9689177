package io.maestro.core.partner;

/** A partner could not take a request now (down, timing out, refusing); the caller retries later. */
public class PartnerUnavailableException extends RuntimeException {

    public PartnerUnavailableException(String partner, String message, Throwable cause) {
        super(partner + " unavailable: " + message, cause);
    }

    public PartnerUnavailableException(String partner, String message) {
        super(partner + " unavailable: " + message);
    }
}
