package io.maestro.processes.returns;

import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RefundRequest;
import io.maestro.core.returns.ReturnService;
import io.maestro.processes.pickup.PartnerFailures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Asks the ERP to refund the return (refund id {@code refund-<returnId>}, idempotent at the ERP). Nothing to refund
 * (only wrong items came back) asks nothing. The amount is kept as text in {@code refundAmount}.
 */
@Component("requestReturnRefund")
public class RequestReturnRefund implements JavaDelegate {

    static final String CURRENCY = "USD";

    private final ReturnService returns;
    private final ErpGateway erp;

    public RequestReturnRefund(ReturnService returns, @Lazy ErpGateway erp) {
        this.returns = returns;
        this.erp = erp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String returnId = (String) execution.getVariable("returnId");
        BigDecimal amount = returns.refundAmount(returnId);
        if (amount.signum() > 0) {
            try {
                erp.requestRefund(new RefundRequest("refund-" + returnId, (String) execution.getVariable("orderId"), returnId,
                        amount, CURRENCY, "customer return " + returnId));
            } catch (PartnerUnavailableException e) {
                throw PartnerFailures.escalateOrRetry(execution, e, "REFUND", "erp");
            }
        }
        execution.setVariable("refundAmount", amount.toPlainString());
    }
}
