package io.maestro.core.partner;

import java.util.List;

/**
 * Rate shopping and labels across the configured carriers. Tracking comes back as {@code PartnerEvent}s.
 * Throws {@link PartnerUnavailableException} when no carrier can answer, {@link PartnerRefusedException} when the
 * carrier answered no.
 */
public interface CarrierGateway {

    /** Quotes of every reachable carrier and service for the parcel. */
    List<RateQuote> quote(RateRequest request);

    Label buyLabel(LabelRequest request);

    /**
     * Voids a bought label so the carrier neither collects nor tracks the parcel (order cancelled before it left).
     * A carrier that has the parcel already refuses ({@link PartnerRefusedException}, 409).
     */
    void voidLabel(String carrier, String trackingNumber, String shipmentId);
}
