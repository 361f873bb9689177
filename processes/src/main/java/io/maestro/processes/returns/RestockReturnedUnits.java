package io.maestro.processes.returns;

import io.maestro.core.returns.Disposition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** RESTOCK: the units go back on sale at the node that received them (ledger reason RETURN_RESTOCK). */
@Component("restockReturnedUnits")
public class RestockReturnedUnits implements JavaDelegate {

    private final ReturnDispositions dispositions;

    public RestockReturnedUnits(ReturnDispositions dispositions) {
        this.dispositions = dispositions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        dispositions.apply(execution, Disposition.RESTOCK, (String) execution.getVariable("receivingNodeId"), "RETURN_RESTOCK");
    }
}
