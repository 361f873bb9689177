package io.maestro.app.api;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.StockTransfers;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.WebhookSignature;
import io.maestro.integrations.channels.SignatureRejectedException;
import io.maestro.integrations.nodes.NodePartners;
import io.maestro.integrations.nodes.NodeTransferReceiptMessage;
import io.maestro.processes.transfer.TransferReceiptIntake;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A destination node's system reports a transfer's receipt: signature first (the node's secret; nothing read without
 * it), then the same intake as {@code POST /api/transfers/{id}/receipts} ({@link TransferReceiptIntake}), once per
 * {@code eventId}. Only the transfer's destination may report it: another node's receipt is {@code 422} naming
 * {@code transferId}. A signed receipt that is refused (bad fields, another node's, an unknown transfer, one not in
 * transit, an event id reused with other content) is kept as a dead letter ({@code transfer-receipt}) for an operator
 * to replay or discard.
 */
@ConditionalOnWebApplication
@RestController
public class TransferReceiptWebhookController {

    private final NodePartners nodes;
    private final StockTransfers transfers;
    private final TransferReceiptIntake receipts;
    private final DeadLetters deadLetters;

    public TransferReceiptWebhookController(NodePartners nodes, StockTransfers transfers, TransferReceiptIntake receipts,
                                            DeadLetters deadLetters) {
        this.nodes = nodes;
        this.transfers = transfers;
        this.receipts = receipts;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/partners/nodes/{nodeId}/transfer-receipts")
    public Map<String, Object> receipt(@PathVariable String nodeId, @RequestBody(required = false) byte[] body,
                                       @RequestHeader(value = WebhookSignature.HEADER, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        String secret = nodes.of(nodeId).map(PartnerProperties.Endpoint::secret).orElse(null);
        if (!WebhookSignature.verify(secret, raw, signature)) {
            throw new SignatureRejectedException("Missing or wrong " + WebhookSignature.HEADER + " for node " + nodeId);
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        NodeTransferReceiptMessage message;
        TransferReceiptIntake.Taken taken;
        try {
            message = NodeTransferReceiptMessage.read(text);
            StockTransfer transfer = transfers.get(message.transferId());
            if (!transfer.toNodeId().equals(nodeId)) {
                throw new InvalidRequestException("transferId", "goes to " + transfer.toNodeId() + ", not to " + nodeId);
            }
            taken = receipts.receive(message.transferId(), message.eventId(), message.units(), "node " + nodeId);
        } catch (InvalidRequestException | NotFoundException | StateConflictException | IdempotencyConflictException e) {
            deadLetters.record(TransferReceiptDeadLetterHandler.SOURCE, "node " + nodeId, text, e.getMessage());
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", taken.duplicate() ? "duplicate" : "received");
        answer.put("transferId", message.transferId());
        answer.put("transferStatus", taken.transfer().status());
        return answer;
    }
}
