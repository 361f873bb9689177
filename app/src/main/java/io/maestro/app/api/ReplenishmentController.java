package io.maestro.app.api;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ProposalStatus;
import io.maestro.core.replenishment.PurchaseOrder;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.core.replenishment.ReplenishmentRuns;
import io.maestro.processes.replenishment.ReplenishmentRunner;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/replenishment")
public class ReplenishmentController {

    private static final int MAX = 500;

    private final ReplenishmentRunner runner;
    private final ReplenishmentProposals proposals;
    private final PurchaseOrders purchaseOrders;
    private final NetworkService network;

    public ReplenishmentController(ReplenishmentRunner runner, ReplenishmentProposals proposals,
                                   PurchaseOrders purchaseOrders, NetworkService network) {
        this.runner = runner;
        this.proposals = proposals;
        this.purchaseOrders = purchaseOrders;
        this.network = network;
    }

    /** Reviews a node now: 202 with the run; its process computes the proposals. */
    @PostMapping("/{nodeId}/run")
    public ResponseEntity<ReplenishmentRuns.Run> run(@PathVariable String nodeId, Principal principal) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(runner.start(nodeId, ReplenishmentRuns.Trigger.ON_DEMAND, principal.getName()));
    }

    /** Proposals, newest first, by node and status. */
    @GetMapping("/proposals")
    public List<ReplenishmentProposal> proposals(@RequestParam(required = false) String nodeId,
                                                 @RequestParam(required = false) ProposalStatus status,
                                                 @RequestParam(defaultValue = "100") int limit) {
        checkNode(nodeId);
        return proposals.list(nodeId, status, limit(limit));
    }

    @GetMapping("/proposals/{proposalId}")
    public ReplenishmentProposal proposal(@PathVariable String proposalId) {
        return proposals.get(proposalId);
    }

    /**
     * Purchase orders by node and SKU, open ones only unless {@code open=false}, with the units on order per SKU at
     * the node (what the next review counts as supply).
     */
    @GetMapping("/purchase-orders")
    public PurchaseOrderList purchaseOrders(@RequestParam(required = false) String nodeId,
                                            @RequestParam(required = false) String sku,
                                            @RequestParam(defaultValue = "true") boolean open,
                                            @RequestParam(defaultValue = "100") int limit) {
        checkNode(nodeId);
        List<PurchaseOrder> orders = purchaseOrders.list(nodeId, sku, open, limit(limit));
        Map<String, Long> onOrder = new TreeMap<>();
        purchaseOrders.list(nodeId, sku, true, Integer.MAX_VALUE)
                .forEach(o -> onOrder.merge(o.nodeId() + "/" + o.sku(), o.onOrder(), Long::sum));
        return new PurchaseOrderList(orders, onOrder);
    }

    @GetMapping("/purchase-orders/{requestId}")
    public PurchaseOrder purchaseOrder(@PathVariable String requestId) {
        return purchaseOrders.get(requestId);
    }

    /**
     * Purchase orders and the units on order per {@code nodeId/sku} over every open order matching the filter.
     */
    public record PurchaseOrderList(List<PurchaseOrder> purchaseOrders, Map<String, Long> onOrder) {
    }

    private void checkNode(String nodeId) {
        if (nodeId != null) {
            network.get(nodeId);
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
