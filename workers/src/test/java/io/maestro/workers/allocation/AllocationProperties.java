package io.maestro.workers.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Shipment;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import io.maestro.workers.allocation.realtime.ClosestNodeAllocator;
import io.maestro.workers.allocation.realtime.SingleNodeOrGreedyAllocator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AllocationProperties {

    private final AllocationEngine optimal = new AllocationEngine();
    private final List<AllocationEngine> allRules = List.of(optimal,
            new AllocationEngine(new SingleNodeOrGreedyAllocator()), new AllocationEngine(new ClosestNodeAllocator()));

    @Property(tries = 200)
    void realTimeOptimumEqualsBruteForce(@ForAll long seed) {
        AllocationRequest request = RandomInstances.request(seed, 3, 4);
        AllocationResult result = optimal.allocate(request);

        assertThat(result.proven()).isTrue();
        assertThat(result.plan().totalCost())
                .isCloseTo(BruteForce.optimalCost(AllocationProblem.of(request)), within(1e-6));
    }

    /** The enumeration behind the batch's proof: every plan within a ceiling, each once, none missing. */
    @Property(tries = 100)
    void plansWithinACeilingAreExactlyTheBruteForceOnes(@ForAll long seed) {
        AllocationProblem problem = AllocationProblem.of(RandomInstances.request(seed, 3, 4));
        double optimum = BruteForce.optimalCost(problem);
        double ceiling = optimum + new java.util.Random(seed).nextInt(30);

        List<int[][]> plans = new BranchAndBoundAllocator().plansWithin(problem, ceiling, 100_000).orElseThrow();

        assertThat(plans).extracting(java.util.Arrays::deepToString).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(BruteForce.plansWithin(problem, ceiling + 1e-7));
    }

    @Property(tries = 300)
    void realTimeIsNeverWorseThanTheBaselines(@ForAll long seed) {
        AllocationRequest request = RandomInstances.request(seed, 6, 8);
        double b2 = optimal.allocate(request).plan().totalCost();

        assertThat(b2).isLessThanOrEqualTo(new AllocationEngine(new SingleNodeOrGreedyAllocator())
                .allocate(request).plan().totalCost() + 1e-9);
        assertThat(b2).isLessThanOrEqualTo(new AllocationEngine(new ClosestNodeAllocator())
                .allocate(request).plan().totalCost() + 1e-9);
    }

    @Property(tries = 300)
    void noPlanExceedsAtpCapacityOrThePolicy(@ForAll long seed) {
        AllocationRequest request = RandomInstances.request(seed, 6, 8);
        for (AllocationEngine engine : allRules) {
            assertKeepsTheRules(request, engine.allocate(request).plan());
        }
    }

    @Property(tries = 100)
    void theSameInputGivesTheSameResult(@ForAll long seed) {
        AllocationResult first = optimal.allocate(RandomInstances.request(seed, 6, 8));
        AllocationResult second = optimal.allocate(RandomInstances.request(seed, 6, 8));

        assertThat(second).isEqualTo(first);
    }

    private static void assertKeepsTheRules(AllocationRequest request, AllocationPlan plan) {
        Map<String, Node> nodes = new HashMap<>();
        request.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, Integer> taken = new HashMap<>();
        Map<String, Integer> accounted = new HashMap<>();
        plan.unfilledLines().forEach(l -> accounted.merge(l.sku(), l.quantity(), Integer::sum));
        for (Shipment shipment : plan.shipments()) {
            Node node = nodes.get(shipment.nodeId());
            assertThat(node.excluded()).isFalse();
            assertThat(node.type() != NodeType.STORE || request.policy().shipFromStoreAllowed()).isTrue();
            assertThat(shipment.units()).isLessThanOrEqualTo(node.remainingUnitsToday());
            assertThat(node.remainingShipmentsToday()).isPositive();
            for (OrderLine line : shipment.lines()) {
                taken.merge(node.id() + "/" + line.sku(), line.quantity(), Integer::sum);
                accounted.merge(line.sku(), line.quantity(), Integer::sum);
            }
        }
        taken.forEach((key, units) -> {
            String[] nodeSku = key.split("/");
            assertThat(units).isLessThanOrEqualTo(request.atp().available(nodeSku[0], nodeSku[1]));
        });
        Map<String, Integer> ordered = new HashMap<>();
        request.order().lines().forEach(l -> ordered.merge(l.sku(), l.quantity(), Integer::sum));
        assertThat(accounted).isEqualTo(ordered);
        Order order = request.order();
        int limit = order.shipComplete() || !request.policy().splitAllowed() ? 1 : request.policy().maxShipments();
        assertThat(plan.shipments().size()).isLessThanOrEqualTo(limit);
        if (order.shipComplete()) {
            assertThat(plan.isEmpty() || plan.isComplete()).isTrue();
        }
    }
}
