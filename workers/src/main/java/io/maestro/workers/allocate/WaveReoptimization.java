package io.maestro.workers.allocate;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.workers.allocation.batch.CandidatePlanOptimizer;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Batch re-optimisation of the orders that are allocated but not yet released to a node: they are
 * planned again together, as if their reservations were free, by {@link CandidatePlanOptimizer} (column
 * generation over candidate plans at exact costs, then SCIP), starting from their current plans, each under the
 * policy its process decided for it ({@link DecidedPolicies}: weights, limits, node types, promise and service
 * upgrade), as its own allocation was, and without the nodes its allocation may not use ({@link NodeExclusions#of}:
 * nodes that rejected a shipment of it, all but the node an operator chose). A dry run reports
 * the savings; applying writes nothing itself: each cheaper plan goes to the order's process ({@link ReplanDelivery}),
 * which withdraws the old shipments, swaps the reservations and executes the new ones, or says why it did not
 * (skipped: the process is past a safe point; kept: the new stock was taken meanwhile). Orders are re-planned per
 * channel (ATP differs by channel).
 */
@org.springframework.stereotype.Service
public class WaveReoptimization {

    static final int MAX_ORDERS = 500;
    private static final double CENT = 0.005;
    /** Share of a channel's time for column generation; SCIP's integer choice has the rest. */
    private static final double PRICING_SHARE = 0.75;

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final EngineInputs inputs;
    private final AllocationPolicies policies;
    private final DecidedPolicies decidedPolicies;
    private final OrderAllocation allocation;
    private final NodeExclusions exclusions;
    private final ObjectProvider<ReplanDelivery> deliveries;

    public WaveReoptimization(OrderService orders, InventoryLedger ledger, EngineInputs inputs, AllocationPolicies policies,
                              DecidedPolicies decidedPolicies, OrderAllocation allocation, NodeExclusions exclusions,
                              ObjectProvider<ReplanDelivery> deliveries) {
        this.orders = orders;
        this.ledger = ledger;
        this.inputs = inputs;
        this.policies = policies;
        this.decidedPolicies = decidedPolicies;
        this.allocation = allocation;
        this.exclusions = exclusions;
        this.deliveries = deliveries;
    }

    public WaveReport reoptimise(boolean dryRun, double secondsPerChannel) {
        Map<String, List<Order>> byChannel = new LinkedHashMap<>();
        for (Order header : orders.list(new OrderFilter(OrderStatus.ALLOCATED, null, null, null, null), 0, MAX_ORDERS)) {
            Order order = orders.get(header.orderId());
            boolean unreleased = order.shipments().stream().filter(s -> s.status() != ShipmentStatus.REJECTED
                    && s.status() != ShipmentStatus.CANCELLED).allMatch(s -> s.status() == ShipmentStatus.PLANNED);
            if (unreleased) {
                byChannel.computeIfAbsent(order.channel(), c -> new ArrayList<>()).add(order);
            }
        }
        double current = 0;
        double optimised = 0;
        boolean optimal = true;
        double seconds = 0;
        int considered = 0;
        List<WaveReport.Change> changes = new ArrayList<>();
        String attempt = "wave" + UUID.randomUUID().toString().substring(0, 8);
        for (List<Order> wave : byChannel.values()) {
            considered += wave.size();
            Map<String, Map<String, Integer>> freed = reservedUnits(wave);
            List<AllocationProblem> problems = new ArrayList<>();
            List<int[][]> currentTakes = new ArrayList<>();
            for (Order order : wave) {
                Map<String, Object> decided = decidedPolicies.of(order.orderId());
                AllocationRequest request = inputs.requestFor(order, allocation.uncancelled(order), policies.policyFor(order, decided),
                        policies.promiseDays(order, decided), allowedToStay(exclusions.of(order, decided), order), freed,
                        policies.serviceUpgrade(decided));
                AllocationProblem problem = AllocationProblem.of(request);
                problems.add(problem);
                currentTakes.add(problem.takeOf(currentPlan(order)));
            }
            CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(secondsPerChannel, PRICING_SHARE)
                    .optimise(problems, currentTakes);
            optimal &= solution.optimal();
            seconds += solution.seconds();
            for (int o = 0; o < wave.size(); o++) {
                AllocationProblem problem = problems.get(o);
                double before = problem.evaluate(currentTakes.get(o));
                double after = problem.evaluate(solution.takes().get(o));
                current += before;
                if (after >= before - CENT) {
                    optimised += before;
                    continue;
                }
                optimised += after;
                AllocationPlan plan = problem.plan(solution.takes().get(o));
                Order order = wave.get(o);
                List<String> newNodes = plan.shipments().stream().map(s -> s.nodeId()).toList();
                if (dryRun) {
                    changes.add(new WaveReport.Change(order.orderId(), order.channel(), money(before), money(after),
                            activeNodes(order), newNodes, false, "DRY_RUN", "dry run"));
                    continue;
                }
                ReplanDelivery.Delivery delivery = apply(order, plan, attempt, before, after);
                changes.add(new WaveReport.Change(order.orderId(), order.channel(), money(before), money(after),
                        activeNodes(order), newNodes, delivery.outcome() == ReplanDelivery.Outcome.APPLIED,
                        delivery.outcome().name(), delivery.note()));
            }
        }
        return new WaveReport(dryRun, considered, money(current), money(optimised), money(current - optimised), optimal,
                seconds, changes);
    }

    /**
     * Hands the new plan to the order's process, which alone changes its shipments and reservations; without one
     * (a deployment without processes) nothing is applied.
     */
    private ReplanDelivery.Delivery apply(Order order, AllocationPlan plan, String attempt, double currentCost,
                                          double newCost) {
        ReplanDelivery delivery = deliveries.getIfAvailable();
        if (delivery == null) {
            return new ReplanDelivery.Delivery(ReplanDelivery.Outcome.SKIPPED, "no order process here to apply it");
        }
        List<String> replaced = order.shipments().stream().filter(s -> s.status() == ShipmentStatus.PLANNED)
                .map(Shipment::shipmentId).toList();
        return delivery.deliver(new ReplanDelivery.Replan(order.orderId(), attempt, replaced,
                allocation.plannedShipments(order, attempt, plan), OrderAllocation.estimates(order, attempt, plan),
                "re-planned with the open orders by wave " + attempt
                + ": costs " + money(newCost) + " instead of " + money(currentCost), allocation.planDetails(attempt, plan)));
    }

    /**
     * The order's exclusions less the nodes its planned shipments are on: the wave may leave a shipment where the
     * order's own allocation put it (a later round of its process may have used a node that rejected an earlier one).
     */
    private static Set<String> allowedToStay(Set<String> excluded, Order order) {
        List<String> current = activeNodes(order);
        if (current.stream().noneMatch(excluded::contains)) {
            return excluded;
        }
        Set<String> less = new HashSet<>(excluded);
        current.forEach(less::remove);
        return less;
    }

    /** Units each node holds reserved for these orders: free again if they are re-planned. */
    private Map<String, Map<String, Integer>> reservedUnits(List<Order> wave) {
        Map<String, Map<String, Integer>> freed = new HashMap<>();
        for (Order order : wave) {
            for (Reservation r : ledger.reservationsOf(order.orderId())) {
                if (r.status() == ReservationStatus.ACTIVE) {
                    freed.computeIfAbsent(r.nodeId(), n -> new HashMap<>()).merge(r.sku(), (int) r.quantity(), Integer::sum);
                }
            }
        }
        return freed;
    }

    /** The order's planned shipments as the engine's plan, for the optimiser to start from and compare against. */
    private static AllocationPlan currentPlan(Order order) {
        List<io.maestro.workers.allocation.model.Shipment> parcels = order.shipments().stream()
                .filter(s -> s.status() == ShipmentStatus.PLANNED)
                .map(s -> new io.maestro.workers.allocation.model.Shipment(s.nodeId(), s.nodeId(), NodeType.DC,
                        s.lines().stream().map(l -> new OrderLine(l.sku(), l.quantity(), 0)).toList(), s.carrier(),
                        Service.GROUND, 0, 0, 0, 0, 0, true))
                .toList();
        return new AllocationPlan(order.orderId(), parcels, List.of(), CostBreakdown.ZERO);
    }

    private static List<String> activeNodes(Order order) {
        return order.shipments().stream().filter(s -> s.status() == ShipmentStatus.PLANNED).map(Shipment::nodeId).toList();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
