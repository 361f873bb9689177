package io.maestro.integrations.sandbox;

import io.maestro.core.transfer.TransferReleased;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.nodes.NodePartners;
import io.maestro.integrations.nodes.NodeTransferReceiptMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox destination node's WMS: the goods of a transfer released to it arrive
 * {@code maestro.sandbox.transfer-receipt-after-days} simulated days later, and it reports the receipt to Maestro's
 * signed webhook ({@code /api/partners/nodes/{nodeId}/transfer-receipts}, event id {@code transfer-receipt-<id>}),
 * once per transfer: every unit released, or {@code maestro.sandbox.transfer-short-units} fewer (at least one).
 * A destination that is down (a sandbox fault on it or on {@code nodes}) reports a simulated day later, at most
 * {@code callback-attempts} times; then it never does and the transfer goes overdue in Maestro.
 */
@Component
public class SandboxTransferReceipts {

    static final String PATH = "/api/partners/nodes/%s/transfer-receipts";

    private final SandboxFaults faults;
    private final SandboxWebhooks webhooks;
    private final SimulatedTime time;
    private final SandboxProperties sandbox;
    private final NodePartners nodes;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public SandboxTransferReceipts(SandboxFaults faults, SandboxWebhooks webhooks, SimulatedTime time,
                                   SandboxProperties sandbox, NodePartners nodes) {
        this.faults = faults;
        this.webhooks = webhooks;
        this.time = time;
        this.sandbox = sandbox;
        this.nodes = nodes;
    }

    /** Once the release is committed: the goods are on their way. */
    @TransactionalEventListener(fallbackExecution = true)
    public void released(TransferReleased transfer) {
        if (reported.add(transfer.transferId())) {
            time.after(sandbox.getTransferReceiptAfterDays(), () -> report(transfer, 1));
        }
    }

    private void report(TransferReleased transfer, int attempt) {
        try {
            faults.apply(transfer.toNodeId(), "nodes");
        } catch (ResponseStatusException down) {
            if (attempt < sandbox.getCallbackAttempts()) {
                time.after(1.0, () -> report(transfer, attempt + 1));
            }
            return;
        }
        String secret = nodes.of(transfer.toNodeId()).map(PartnerProperties.Endpoint::secret)
                .orElseThrow(() -> new IllegalStateException("No partner configuration for node " + transfer.toNodeId()));
        NodeTransferReceiptMessage receipt = new NodeTransferReceiptMessage("transfer-receipt-" + transfer.transferId(),
                transfer.transferId(), received(transfer.units(), sandbox.getTransferShortUnits()));
        webhooks.send(PATH.formatted(transfer.toNodeId()), secret, receipt);
    }

    /** The units the destination counts: {@code shortUnits} fewer than were sent, at least one. */
    static long received(long sent, long shortUnits) {
        return Math.max(1, sent - Math.max(0, shortUnits));
    }
}
