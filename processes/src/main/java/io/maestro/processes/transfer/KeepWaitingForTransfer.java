package io.maestro.processes.transfer;

import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_KeepWaiting}: in transit again, waiting another deadline. */
@Component("keepWaitingForTransfer")
public class KeepWaitingForTransfer implements JavaDelegate {

    private final TransferSteps steps;

    public KeepWaitingForTransfer(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.keepWaiting(TransferActors.transferId(execution), TransferActors.person(),
                (String) execution.getVariable("decisionNote"));
    }
}
