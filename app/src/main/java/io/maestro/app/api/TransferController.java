package io.maestro.app.api;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.transfer.StockTransfer;
import io.maestro.core.transfer.StockTransfers;
import io.maestro.core.transfer.TransferEvent;
import io.maestro.core.transfer.TransferRequest;
import io.maestro.core.transfer.TransferStatus;
import io.maestro.processes.replenishment.TransferSuggestion;
import io.maestro.processes.replenishment.TransferSuggestions;
import io.maestro.processes.transfer.TransferReceiptIntake;
import io.maestro.processes.transfer.TransferStarter;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/transfers")
public class TransferController {

    private static final int MAX = 500;

    private final TransferSuggestions suggestions;
    private final TransferStarter starter;
    private final TransferReceiptIntake receipts;
    private final StockTransfers transfers;

    public TransferController(TransferSuggestions suggestions, TransferStarter starter, TransferReceiptIntake receipts,
                              StockTransfers transfers) {
        this.suggestions = suggestions;
        this.starter = starter;
        this.receipts = receipts;
        this.transfers = transfers;
    }

    /** Stock to move from nodes far above their replenishment level to nodes below it, best net saving first. */
    @GetMapping("/suggestions")
    public List<TransferSuggestion> suggestions(@RequestParam(required = false) String sku) {
        return suggestions.suggest(sku);
    }

    /** A transfer with the units in transit and its timeline. */
    public record TransferView(String transferId, String sku, String fromNodeId, String toNodeId, long units,
                               String note, TransferStatus status, String reason, long released, long inTransit,
                               long received, long lost, String requestedBy, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, List<TransferEvent> timeline) {

        static TransferView of(StockTransfer t, List<TransferEvent> timeline) {
            return new TransferView(t.transferId(), t.sku(), t.fromNodeId(), t.toNodeId(), t.units(), t.note(), t.status(),
                    t.reason(), t.released(), t.inTransit(), t.received(), t.lost(), t.requestedBy(), t.createdAt(),
                    t.updatedAt(), timeline);
        }
    }

    /**
     * Approves a transfer: 201 with it, its {@code stock-transfer} process started; the same {@code Idempotency-Key}
     * again with the same SKU, nodes and units → 200 with the first one.
     */
    @PostMapping
    public ResponseEntity<TransferView> approve(@RequestBody TransferRequest request,
                                                @RequestHeader(value = StockTransfers.IDEMPOTENCY_KEY, required = false)
                                                String idempotencyKey, Principal principal) {
        StockTransfers.Requested requested = starter.approve(request, idempotencyKey, principal.getName());
        TransferView view = view(requested.transfer().transferId());
        return requested.created()
                ? ResponseEntity.created(URI.create("/api/transfers/" + view.transferId())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    public List<TransferView> list(@RequestParam(required = false) TransferStatus status,
                                   @RequestParam(required = false) String sku,
                                   @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX);
        }
        return transfers.list(status, sku, limit).stream().map(t -> TransferView.of(t, null)).toList();
    }

    @GetMapping("/{transferId}")
    public TransferView get(@PathVariable String transferId) {
        return view(transferId);
    }

    /** What the destination reports as received. */
    public record ReceiptRequest(String eventId, Long units) {
    }

    /** The receipt taken: the transfer as it is now, {@code duplicate} when the event id had been taken before. */
    public record ReceiptResult(boolean duplicate, TransferView transfer) {
    }

    /**
     * The destination's receipt: the units go into its stock through the ledger, what did not arrive is written off;
     * the same event id again changes nothing ({@code duplicate: true}).
     */
    @PostMapping("/{transferId}/receipts")
    public ReceiptResult receipt(@PathVariable String transferId, @RequestBody ReceiptRequest request,
                                 Principal principal) {
        TransferReceiptIntake.Taken taken = receipts.receive(transferId, request.eventId(), request.units(),
                principal.getName());
        return new ReceiptResult(taken.duplicate(), view(transferId));
    }

    private TransferView view(String transferId) {
        return TransferView.of(transfers.get(transferId), transfers.timeline(transferId));
    }
}
