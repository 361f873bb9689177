package io.maestro.processes.transfer;

import io.maestro.core.transfer.StockTransfers;
import io.maestro.core.transfer.TransferRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approved transfer is stored and its {@code stock-transfer} process started in one transaction (the start event is
 * async: the release runs on the job executor). The same idempotency key again starts nothing.
 */
@Service
public class TransferStarter {

    public static final String PROCESS = "stock-transfer";

    private final StockTransfers transfers;
    private final RuntimeService runtime;
    private final TransferProperties properties;

    public TransferStarter(StockTransfers transfers, RuntimeService runtime, TransferProperties properties) {
        this.transfers = transfers;
        this.runtime = runtime;
        this.properties = properties;
    }

    @Transactional
    public StockTransfers.Requested approve(TransferRequest request, String idempotencyKey, String actor) {
        StockTransfers.Requested requested = transfers.request(request, idempotencyKey, actor);
        if (requested.created()) {
            runtime.createProcessInstanceByKey(PROCESS)
                    .setVariables(Variables.createVariables()
                            .putValue("transferId", requested.transfer().transferId())
                            .putValue("receiptDeadline", properties.getReceiptDeadline().toString()))
                    .execute();
        }
        return requested;
    }
}
