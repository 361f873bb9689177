package io.maestro.processes.returns;

import io.maestro.core.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The ERP stayed unreachable and an operator settles the refund outside Maestro: the return is closed. */
@Component("closeReturnWithoutRefund")
public class CloseReturnWithoutRefund implements JavaDelegate {

    private final ReturnService returns;

    public CloseReturnWithoutRefund(ReturnService returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable("partnerFailureReason");
        returns.close((String) execution.getVariable("returnId"), "refund settled by an operator"
                + (reason == null ? "" : " after: " + reason), "operator");
    }
}
