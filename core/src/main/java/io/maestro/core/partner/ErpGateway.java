package io.maestro.core.partner;

/** Requests to the ERP. Throws {@link PartnerUnavailableException} when it cannot be reached. */
public interface ErpGateway {

    void requestRefund(RefundRequest request);

    void requestReplenishment(ReplenishmentRequest request);
}
