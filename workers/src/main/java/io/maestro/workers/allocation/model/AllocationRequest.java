package io.maestro.workers.allocation.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Everything one allocation decision needs: the order, its policy, the candidate nodes (eligible per DMN
 *  {@code node-eligibility}), the ATP snapshot for the order's channel and the carriers' rate cards.
 *
 * @param rateCards    the cards of a parcel holding all the order's lines
 * @param cardsByGoods the cards of a parcel of each {@link Goods} combination the order's parcels can have, when
 *                     they differ (DMN {@code carrier-selection} decides by goods); a combination not in the map is
 *                     priced with {@code rateCards}
 */
public record AllocationRequest(Order order, Policy policy, List<Node> nodes, AtpSnapshot atp,
                                List<RateCard> rateCards, Map<Integer, List<RateCard>> cardsByGoods) {

    public AllocationRequest {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(atp, "atp");
        nodes = List.copyOf(nodes);
        rateCards = List.copyOf(rateCards);
        cardsByGoods = Map.copyOf(cardsByGoods);
        if (rateCards.isEmpty() && !order.deliveryOption().isPickup()) {
            throw new IllegalArgumentException("a shipped order needs at least one rate card");
        }
    }

    /** Every parcel priced with the same cards, whatever it carries. */
    public AllocationRequest(Order order, Policy policy, List<Node> nodes, AtpSnapshot atp, List<RateCard> rateCards) {
        this(order, policy, nodes, atp, rateCards, Map.of());
    }

    /** The cards a parcel of {@code goods} is priced with. */
    public List<RateCard> cards(int goods) {
        return cardsByGoods.getOrDefault(goods, rateCards);
    }

    /** The same request against other nodes and stock (its order, policy and cards unchanged). */
    public AllocationRequest on(List<Node> otherNodes, AtpSnapshot otherAtp) {
        return new AllocationRequest(order, policy, otherNodes, otherAtp, rateCards, cardsByGoods);
    }

    /**
     * The request for reallocation: the remaining lines, with the nodes that rejected or could not fill
     * the order excluded.
     */
    public AllocationRequest reallocation(List<OrderLine> remainingLines, Set<String> excludedNodeIds) {
        List<Node> marked = nodes.stream()
                .map(n -> excludedNodeIds.contains(n.id()) ? n.withExcluded(true) : n)
                .toList();
        return new AllocationRequest(order.withLines(remainingLines), policy, marked, atp, rateCards, cardsByGoods);
    }
}
