package io.maestro.workers.allocation;

import io.maestro.workers.allocation.cost.CarrierRateCard;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.DeliveryOption;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.bench.LiteratureRateCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small random allocation requests for property tests, reproducible from a seed. */
public final class RandomInstances {

    private static final String[] SKUS = {"A", "B", "C"};

    private RandomInstances() {
    }

    public static AllocationRequest request(long seed, int maxLines, int maxNodes) {
        Random random = new Random(seed);
        int nodeCount = 1 + random.nextInt(maxNodes);
        List<Node> nodes = new ArrayList<>();
        Map<String, Map<String, Integer>> atp = new HashMap<>();
        for (int n = 0; n < nodeCount; n++) {
            NodeType type = NodeType.values()[random.nextInt(NodeType.values().length)];
            int units = random.nextInt(4) == 0 ? random.nextInt(6) : Node.UNLIMITED;
            int parcels = random.nextInt(8) == 0 ? 0 : Node.UNLIMITED;
            nodes.add(new Node("N" + n, "Node " + n, type, point(random),
                    random.nextInt(600) / 100.0, random.nextInt(150) / 100.0, random.nextInt(2),
                    units, parcels, random.nextInt(10) == 0));
            Map<String, Integer> stock = new HashMap<>();
            for (String sku : SKUS) {
                stock.put(sku, random.nextInt(4));
            }
            atp.put("N" + n, stock);
        }
        int lineCount = 1 + random.nextInt(maxLines);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(new OrderLine(SKUS[random.nextInt(SKUS.length)], 1 + random.nextInt(3),
                    random.nextInt(80) / 10.0));
        }
        Order order = new Order("R-" + seed, lines, point(random), DeliveryOption.SHIP, 1 + random.nextInt(5),
                random.nextInt(6) == 0, null);
        Policy policy = new Policy(random.nextInt(3), random.nextInt(3), random.nextInt(3),
                1 + random.nextInt(3), random.nextInt(5) != 0, random.nextBoolean(),
                random.nextInt(30) / 100.0, random.nextInt(500) / 100.0, random.nextInt(1000) / 100.0,
                random.nextInt(6000) / 100.0);
        List<RateCard> cards = random.nextBoolean() ? CarrierRateCard.demo() : List.of(LiteratureRateCard.literature());
        return new AllocationRequest(order, policy, nodes, AtpSnapshot.of(atp), cards);
    }

    private static GeoPoint point(Random random) {
        return new GeoPoint(26 + random.nextDouble() * 22, -123 + random.nextDouble() * 53);
    }
}
