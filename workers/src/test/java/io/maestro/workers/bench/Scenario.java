package io.maestro.workers.bench;

import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RateCard;
import java.util.List;

/**
 * A generated day of orders on a generated network.
 *
 * @param stock    initial ATP [node][sku]
 * @param capacity pick capacity today [node] in units
 */
record Scenario(List<Node> nodes, List<String> skus, List<Order> orders, int[][] stock, int[] capacity,
                Policy policy, List<RateCard> rateCards) {

    int demandUnits() {
        return orders.stream().mapToInt(Order::units).sum();
    }
}
