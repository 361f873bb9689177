package io.maestro.core.partner;

/**
 * A partner answered and said no (an HTTP {@code 4xx} other than 408 and 429: "has left the store", "no such label"):
 * an answer to act on, not an outage. Asking again gets the same answer, so callers do not retry it.
 */
public class PartnerRefusedException extends RuntimeException {

    private final String partner;
    private final int status;
    private final String partnerMessage;

    public PartnerRefusedException(String partner, int status, String partnerMessage) {
        super(partner + " refused (" + status + "): " + partnerMessage);
        this.partner = partner;
        this.status = status;
        this.partnerMessage = partnerMessage;
    }

    public String partner() {
        return partner;
    }

    /** The partner's HTTP status: 409 for a conflict with what it did already (left, shipped), 404 for unknown. */
    public int status() {
        return status;
    }

    /** What the partner said, as it said it. */
    public String partnerMessage() {
        return partnerMessage;
    }
}
