package io.maestro.workers.bench;

import io.maestro.workers.allocation.Node;
import io.maestro.workers.allocation.Order;
import io.maestro.workers.allocation.Policy;
import io.maestro.workers.allocation.RateCard;
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
