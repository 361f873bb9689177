package io.maestro.workers.allocation.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everything one allocation decision needs: the order, its policy, the candidate nodes (eligible per DMN
 *  {@code node-eligibility}), the ATP snapshot for the order's channel and the carriers' rate cards. */
public record AllocationRequest(Order order, Policy policy, List<Node> nodes, AtpSnapshot atp,
                                List<RateCard> rateCards) {

    public AllocationRequest {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(atp, "atp");
        nodes = List.copyOf(nodes);
        rateCards = List.copyOf(rateCards);
        if (rateCards.isEmpty() && !order.deliveryOption().isPickup()) {
            throw new IllegalArgumentException("a shipped order needs at least one rate card");
        }
    }

    /**
     * The request for reallocation: the remaining lines, with the nodes that rejected or could not fill
     * the order excluded.
     */
    public AllocationRequest reallocation(List<OrderLine> remainingLines, Set<String> excludedNodeIds) {
        List<Node> marked = nodes.stream()
                .map(n -> excludedNodeIds.contains(n.id()) ? n.withExcluded(true) : n)
                .toList();
        return new AllocationRequest(order.withLines(remainingLines), policy, marked, atp, rateCards);
    }
}
