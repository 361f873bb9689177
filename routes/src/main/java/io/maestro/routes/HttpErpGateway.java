package io.maestro.routes;

import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RefundRequest;
import io.maestro.core.partner.ReplenishmentRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The ERP as the processes see it: each request goes through {@link ErpRoutes} (HTTP, retried with backoff). When
 * the ERP stays unreachable the caller gets {@link PartnerUnavailableException} and retries later; a request the
 * ERP refuses (a 4xx other than 408 and 429) is its answer, a {@link PartnerRefusedException}, never retried.
 */
@Component
public class HttpErpGateway implements ErpGateway {

    private final ProducerTemplate camel;

    public HttpErpGateway(ProducerTemplate camel) {
        this.camel = camel;
    }

    @Override
    public void requestRefund(RefundRequest request) {
        send(ErpRoutes.REFUNDS, request, "refund " + request.refundId());
    }

    @Override
    public void requestReplenishment(ReplenishmentRequest request) {
        send(ErpRoutes.PURCHASE_ORDERS, request, "purchase order " + request.requestId());
    }

    private void send(String endpoint, Object request, String what) {
        try {
            camel.requestBody(endpoint, request);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            HttpOperationFailedException refusal = RouteErrorPolicy.refusal(cause);
            if (refusal != null) {
                throw new PartnerRefusedException("ERP", refusal.getStatusCode(), what + ": "
                        + PartnerCalls.partnerMessage(refusal));
            }
            throw new PartnerUnavailableException("ERP", what + ": " + cause.getMessage(), cause);
        }
    }
}
