package io.maestro.processes.transfer;

import io.maestro.core.StateConflictException;
import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.StockTransfers;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The destination's receipt of a transfer: stored once per event id, then handed to the transfer's process as message
 * {@code TransferReceived}, which puts the units into the ledger, in the same transaction: a {@code 2xx} means the
 * units are in the destination's stock. A process not waiting for a receipt refuses it ({@code 409}, nothing stored).
 */
@Service
public class TransferReceiptIntake {

    public static final String MESSAGE = "TransferReceived";

    private final StockTransfers transfers;
    private final RuntimeService runtime;

    public TransferReceiptIntake(StockTransfers transfers, RuntimeService runtime) {
        this.transfers = transfers;
        this.runtime = runtime;
    }

    /** The receipt taken, and whether its event id had been taken before. */
    public record Taken(StockTransfer transfer, boolean duplicate) {
    }

    @Transactional
    public Taken receive(String transferId, String eventId, Long units, String actor) {
        StockTransfers.StoredReceipt stored = transfers.storeReceipt(transferId, eventId, units, actor);
        if (!stored.duplicate()) {
            try {
                runtime.createMessageCorrelation(MESSAGE)
                        .processInstanceVariableEquals("transferId", transferId)
                        .setVariable("receiptEventId", eventId)
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw new StateConflictException("transfer " + transferId + " is not waiting for a receipt: "
                        + transfers.get(transferId).status());
            }
        }
        return new Taken(transfers.get(transferId), stored.duplicate());
    }
}
