package io.maestro.processes.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;

/** Who a stock-transfer step acts as, and the transfer it works on. */
final class TransferActors {

    /** The process's own steps. */
    static final String PROCESS = "stock-transfer";

    private TransferActors() {
    }

    static String transferId(DelegateExecution execution) {
        return (String) execution.getVariable("transferId");
    }

    /** The person who completed the task that led here (else the process). */
    static String person() {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user != null ? user : PROCESS;
    }
}
