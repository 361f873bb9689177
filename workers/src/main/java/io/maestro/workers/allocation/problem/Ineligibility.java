package io.maestro.workers.allocation.problem;

import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import java.util.Optional;

/** Why a node cannot serve an order at all, before any stock is looked at. */
public final class Ineligibility {

    public static final String NOT_PICKUP_NODE = "not the pickup store";

    private Ineligibility() {
    }

    public static Optional<String> reason(Node node, Order order, Policy policy) {
        if (node.excluded()) {
            return Optional.of("excluded from this order");
        }
        if (order.deliveryOption().isPickup() && !node.id().equals(order.pickupNodeId())) {
            return Optional.of(NOT_PICKUP_NODE);
        }
        if (node.type() == NodeType.STORE && !order.deliveryOption().isPickup() && !policy.shipFromStoreAllowed()) {
            return Optional.of("ship-from-store not allowed by the policy");
        }
        if (node.remainingUnitsToday() == 0 || node.remainingShipmentsToday() == 0) {
            return Optional.of("at daily capacity");
        }
        return Optional.empty();
    }
}
