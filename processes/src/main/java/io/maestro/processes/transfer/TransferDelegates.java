package io.maestro.processes.transfer;

import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.core.transfer.TransferSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code stock-transfer}; each calls {@link TransferSteps}, the one writer of a transfer's status, with
 * the transfer of the process ({@code transferId}).
 */
@Configuration
public class TransferDelegates {

    static final String ACTOR = "stock-transfer";

    /** {@code Task_ReleaseAtSource}: {@code released} false when the source refused (REJECTED, {@code rejectionReason}). */
    @Bean
    JavaDelegate releaseTransferAtSource(TransferSteps steps) {
        return e -> {
            StockTransfer t = steps.release(id(e), ACTOR);
            e.setVariable("released", t.status() != TransferStatus.REJECTED);
            e.setVariable("rejectionReason", t.reason());
        };
    }

    /** {@code Task_RecordReceipt}: the receipt {@code receiptEventId} into the ledger; {@code receivedInFull}. */
    @Bean
    JavaDelegate recordTransferReceipt(TransferSteps steps) {
        return e -> {
            StockTransfer t = steps.receive(id(e), (String) e.getVariable("receiptEventId"), ACTOR);
            e.setVariable("receivedInFull", t.status() == TransferStatus.RECEIVED);
        };
    }

    /** {@code Task_MarkOverdue}: OVERDUE, and what the form shows. */
    @Bean
    JavaDelegate markTransferOverdue(TransferSteps steps) {
        return e -> {
            StockTransfer t = steps.overdue(id(e), ACTOR, (String) e.getVariable("receiptDeadline"));
            e.setVariable("sku", t.sku());
            e.setVariable("fromNodeId", t.fromNodeId());
            e.setVariable("toNodeId", t.toNodeId());
            e.setVariable("inTransit", t.inTransit());
            e.setVariable("overdueDecision", null);
            e.setVariable("decisionNote", null);
        };
    }

    /** {@code Task_WriteOffTransfer}: what is in transit is lost, through the ledger. */
    @Bean
    JavaDelegate writeOffTransfer(TransferSteps steps) {
        return e -> steps.writeOff(id(e), person(), (String) e.getVariable("decisionNote"));
    }

    /** {@code Task_KeepWaiting}: in transit again, waiting another deadline. */
    @Bean
    JavaDelegate keepWaitingForTransfer(TransferSteps steps) {
        return e -> steps.keepWaiting(id(e), person(), (String) e.getVariable("decisionNote"));
    }

    private static String id(DelegateExecution e) {
        return (String) e.getVariable("transferId");
    }

    /** The person who completed the task (else the process). */
    private static String person() {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user != null ? user : ACTOR;
    }
}
