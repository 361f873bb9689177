package io.maestro.processes.transfer;

import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WriteOffTransfer}: every unit in transit is lost, written off through the ledger under the analyst's name. */
@Component("writeOffTransfer")
public class WriteOffTransfer implements JavaDelegate {

    private final TransferSteps steps;

    public WriteOffTransfer(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.writeOff(TransferActors.transferId(execution), TransferActors.person(),
                (String) execution.getVariable("decisionNote"));
    }
}
