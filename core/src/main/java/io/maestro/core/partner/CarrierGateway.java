package io.maestro.core.partner;

import java.util.List;

/**
 * Rate shopping and labels across the configured carriers. Tracking comes back as {@code PartnerEvent}s.
 * Throws {@link PartnerUnavailableException} when no carrier can answer.
 */
public interface CarrierGateway {

    /** Quotes of every reachable carrier and service for the parcel. */
    List<RateQuote> quote(RateRequest request);

    Label buyLabel(LabelRequest request);
}
