package io.maestro.app.api;

import io.maestro.core.deadletter.DeadLetterHandler;
import io.maestro.integrations.nodes.NodeTransferReceiptMessage;
import io.maestro.processes.transfer.TransferReceiptIntake;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Replays a node's refused transfer receipt through the same intake, once the operator has fixed the cause (the
 * letter's reference names the node that sent it; the operator, not the node, now vouches for the destination).
 */
@Component
public class TransferReceiptDeadLetterHandler implements DeadLetterHandler {

    static final String SOURCE = "transfer-receipt";

    private final TransferReceiptIntake receipts;

    public TransferReceiptDeadLetterHandler(@Lazy TransferReceiptIntake receipts) {
        this.receipts = receipts;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void replay(String payload) {
        NodeTransferReceiptMessage message = NodeTransferReceiptMessage.read(payload);
        receipts.receive(message.transferId(), message.eventId(), message.units(), "dead-letter replay");
    }
}
