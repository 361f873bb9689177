package io.maestro.processes.transfer;

import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordReceipt}: the receipt {@code receiptEventId} into the destination's stock, what is missing written off; {@code receivedInFull}. */
@Component("recordTransferReceipt")
public class RecordTransferReceipt implements JavaDelegate {

    private final TransferSteps steps;

    public RecordTransferReceipt(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StockTransfer t = steps.receive(TransferActors.transferId(execution), (String) execution.getVariable("receiptEventId"),
                TransferActors.PROCESS);
        execution.setVariable("receivedInFull", t.status() == TransferStatus.RECEIVED);
    }
}
