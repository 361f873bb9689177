package io.maestro.processes.transfer;

import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ReleaseAtSource}: the units leave the source; {@code released} false when it refused (REJECTED, {@code rejectionReason}). */
@Component("releaseTransferAtSource")
public class ReleaseTransferAtSource implements JavaDelegate {

    private final TransferSteps steps;

    public ReleaseTransferAtSource(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StockTransfer t = steps.release(TransferActors.transferId(execution), TransferActors.PROCESS);
        execution.setVariable("released", t.status() != TransferStatus.REJECTED);
        execution.setVariable("rejectionReason", t.reason());
    }
}
