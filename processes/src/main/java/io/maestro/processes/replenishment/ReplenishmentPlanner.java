package io.maestro.processes.replenishment;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ProposalStatus;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.core.replenishment.ReplenishmentProposal;
import io.maestro.core.replenishment.ReplenishmentProposals;
import io.maestro.core.replenishment.ReplenishmentRuns;
import io.maestro.workers.forecast.demand.Bucket;
import io.maestro.workers.forecast.demand.Forecasts;
import io.maestro.workers.forecast.demand.LeadTimeDemand;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A node's review: for every SKU it holds or has on order, the policy (DMN {@code replenishment-policy} by node type,
 * category and ABC class), the order-up-to level from the forecast worker's distribution of demand over the policy's
 * cover days, and a proposal where the position falls short. A scheduled run skips SKUs proposed within their review
 * period; a run on demand reviews them all.
 */
@Component
public class ReplenishmentPlanner {

    /** Days of forecast demand the ABC classes rank SKUs by. */
    static final int ABC_DAYS = 28;

    private final NetworkService network;
    private final CatalogService catalog;
    private final InventoryQueries inventory;
    private final PurchaseOrders purchaseOrders;
    private final ReplenishmentProposals proposals;
    private final ReplenishmentPolicies policies;
    private final Forecasts forecasts;
    private final Database db;
    private final ReplenishmentRuns runs;

    public ReplenishmentPlanner(NetworkService network, CatalogService catalog, InventoryQueries inventory,
                                PurchaseOrders purchaseOrders, ReplenishmentProposals proposals,
                                ReplenishmentPolicies policies, Forecasts forecasts, Database db,
                                ReplenishmentRuns runs) {
        this.runs = runs;
        this.network = network;
        this.catalog = catalog;
        this.inventory = inventory;
        this.purchaseOrders = purchaseOrders;
        this.proposals = proposals;
        this.policies = policies;
        this.forecasts = forecasts;
        this.db = db;
    }

    /** The ABC classes of these SKUs at the node, by their forecast units of the next {@value #ABC_DAYS} days. */
    public Map<String, String> abcClasses(String nodeId, Collection<String> skus) {
        Map<String, Double> demand = new HashMap<>();
        for (String sku : skus) {
            demand.put(sku, forecasts.forSku(sku, nodeId, Bucket.DAY, ABC_DAYS).total());
        }
        return AbcClasses.of(demand);
    }

    /**
     * The run's proposals, stored (again the same when the step runs again). One review of a node at a time: the node
     * is locked for the caller's transaction first, and what earlier reviews proposed and no purchase order counts yet
     * is on order, so two reviews never propose the same shortfall twice.
     */
    public List<ReplenishmentProposal> propose(ReplenishmentRuns.Run run) {
        Node node = network.get(run.nodeId());
        runs.lockNode(node.id());
        Map<String, InventoryPosition> positions = new TreeMap<>();
        inventory.atNode(node.id()).forEach(p -> positions.put(p.sku(), p));
        Map<String, Long> onOrder = new HashMap<>(purchaseOrders.onOrderAt(node.id()));
        proposals.pendingAt(node.id()).forEach((sku, units) -> onOrder.merge(sku, units, Long::sum));
        TreeSet<String> skus = new TreeSet<>(positions.keySet());
        skus.addAll(onOrder.keySet());

        Map<String, String> abc = abcClasses(node.id(), skus);
        Map<String, OffsetDateTime> lastProposed = run.trigger() == ReplenishmentRuns.Trigger.SCHEDULE
                ? proposals.lastProposedAt(node.id()) : Map.of();
        OffsetDateTime now = db.now();

        List<ReplenishmentProposal> made = new ArrayList<>();
        for (String sku : skus) {
            ReplenishmentPolicy policy = policies.decide(node.type().name(), catalog.get(sku).category(), abc.get(sku));
            OffsetDateTime last = lastProposed.get(sku);
            if (!policy.replenish() || last != null && last.plusDays(policy.reviewDays()).isAfter(now)) {
                continue;
            }
            InventoryPosition position = positions.getOrDefault(sku, InventoryPosition.empty(node.id(), sku));
            long ordered = onOrder.getOrDefault(sku, 0L);
            LeadTimeDemand leadTime = forecasts.demandOver(sku, node.id(),
                    Math.min(policy.coverDays(), Bucket.DAY.maxHorizon()));
            OrderUpToLevel level = OrderUpToLevel.of(leadTime.demand(), policy, position.onHand(), position.reserved(),
                    ordered);
            if (level.quantity() == 0) {
                continue;
            }
            made.add(proposals.save(new ReplenishmentProposal(run.runId() + "-" + (made.size() + 1), run.runId(),
                    node.id(), sku, position.onHand(), position.reserved(), ordered, leadTime.demand().mean(),
                    leadTime.forecast().method(), abc.get(sku), policy, level.level(), level.quantity(), null,
                    level.reason(), ProposalStatus.PROPOSED, null, null, now, null)));
        }
        return made;
    }
}
