package io.maestro.processes.transfer;

import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MarkOverdue}: OVERDUE, and what the form {@code decide-overdue-transfer} shows. */
@Component("markTransferOverdue")
public class MarkTransferOverdue implements JavaDelegate {

    private final TransferSteps steps;

    public MarkTransferOverdue(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StockTransfer t = steps.overdue(TransferActors.transferId(execution), TransferActors.PROCESS,
                (String) execution.getVariable("receiptDeadline"));
        execution.setVariable("sku", t.sku());
        execution.setVariable("fromNodeId", t.fromNodeId());
        execution.setVariable("toNodeId", t.toNodeId());
        execution.setVariable("inTransit", t.inTransit());
        execution.setVariable("overdueDecision", null);
        execution.setVariable("decisionNote", null);
    }
}
