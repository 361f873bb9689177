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
        Object comment = execution.getVariable("operatorComment");
        Object error = execution.getVariable("partnerError");
        returns.close((String) execution.getVariable("returnId"), "refund settled by an operator"
                + (comment == null ? "" : " (" + comment + ")") + (error == null ? "" : " after: " + error), "operator");
    }
}
