package io.maestro.workers.allocate;

import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.db.TransientFailures;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentEstimate;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.batch.CandidatePlanOptimizer;
import io.maestro.workers.allocation.explain.SplitOrWait;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RejectedAlternative;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates an order: plan on a fresh ATP snapshot, reserve the plan all or nothing, store its
 * shipments and the explanation. A reservation that loses a race re-plans on a new snapshot, a
 * bounded number of times, then gives up with {@link AllocationContentionException} for the caller to
 * retry later. A deadlock or serialization failure does the attempt's transaction again
 * ({@link TransientFailures}). The attempt key (e.g. the external task id) makes a repeated call change
 * nothing, also when two calls of one attempt run at once (a task fetched again after its lock expired while
 * the first fetch was still planning): the second finds the first's reservations under the order's row lock. A plan for an order whose cancel command took effect meanwhile is dropped
 * ({@link OrderCancelledException}): the order's row lock orders it against the cancel. Runs each attempt in a
 * transaction of its own: call it outside one.
 */
@Service
public class OrderAllocation {

    static final int MAX_ATTEMPTS = 3;
    private static final String ACTOR = "allocator";
    private static final int ALTERNATIVES_ON_TIMELINE = 5;

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final EngineInputs inputs;
    private final AllocationPolicies policies;
    private final AllocationEngine engine = new AllocationEngine();
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LineCancellations cancellations;
    private final OrderCommandLog commands;
    private final NodeExclusions exclusions;

    public OrderAllocation(OrderService orders, InventoryLedger ledger, EngineInputs inputs, AllocationPolicies policies,
                           PlatformTransactionManager transactions, Clock clock, LineCancellations cancellations,
                           OrderCommandLog commands, NodeExclusions exclusions) {
        this.orders = orders;
        this.ledger = ledger;
        this.inputs = inputs;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.cancellations = cancellations;
        this.commands = commands;
        this.exclusions = exclusions;
    }

    /** Allocates under the default policy for the order (see {@link AllocationPolicies}). */
    public AllocationOutcome allocate(String orderId, String attempt, Set<String> excludedNodeIds) {
        return allocate(orderId, attempt, excludedNodeIds, Map.of());
    }

    /** Allocates under the policy the process decided ({@link AllocationPolicies#DECIDED}) over the defaults. */
    public AllocationOutcome allocate(String orderId, String attempt, Set<String> excludedNodeIds, Map<String, ?> decided) {
        Order order = orders.get(orderId);
        return allocate(order, attempt, policies.policyFor(order, decided), policies.promiseDays(order, decided),
                exclusions.withIneligible(excludedNodeIds, decided), policies.serviceUpgrade(decided));
    }

    public AllocationOutcome allocate(Order order, String attempt, Policy policy, int promiseDays,
                                      Set<String> excludedNodeIds) {
        return allocate(order, attempt, policy, promiseDays, excludedNodeIds, false);
    }

    private AllocationOutcome allocate(Order order, String attempt, Policy policy, int promiseDays,
                                       Set<String> excludedNodeIds, boolean serviceUpgrade) {
        if (!reservationsOf(order.orderId(), attempt).isEmpty()) {
            return repeated(orders.get(order.orderId()), attempt);
        }
        List<OrderLine> open = openLines(order, cancellations.byLine(order.orderId()));
        if (open.isEmpty()) {
            return new AllocationOutcome(order.orderId(), attempt, List.of(), 0, 0, BigDecimal.ZERO,
                    "Every line is already planned", false);
        }
        return place(order, open, "ALLOCATED", attempt, policy, promiseDays, excludedNodeIds, serviceUpgrade);
    }

    /**
     * The units of each line not yet in a live shipment (one not rejected or cancelled): the whole order
     * at first, what is left after a partial allocation, a backorder or a cancelled plan later; units cancelled
     * by a line-cancel command are never open again.
     */
    static List<OrderLine> openLines(Order order, Map<Integer, Integer> cancelled) {
        Map<Integer, Integer> planned = new HashMap<>();
        order.shipments().stream()
                .filter(s -> s.status() != ShipmentStatus.REJECTED && s.status() != ShipmentStatus.CANCELLED)
                .flatMap(s -> s.lines().stream())
                .forEach(l -> planned.merge(l.lineNo(), l.quantity(), Integer::sum));
        cancelled.forEach((lineNo, units) -> planned.merge(lineNo, units, Integer::sum));
        return less(order.lines(), planned);
    }

    /** {@code lines} less {@code taken} units per line number; lines with nothing left are left out. */
    private static List<OrderLine> less(List<OrderLine> lines, Map<Integer, Integer> taken) {
        return lines.stream()
                .filter(l -> l.quantity() > taken.getOrDefault(l.lineNo(), 0))
                .map(l -> new OrderLine(l.lineNo(), l.sku(), l.quantity() - taken.getOrDefault(l.lineNo(), 0), l.unitPrice()))
                .toList();
    }

    /** {@code toPlace} cut down to the units of each line that are open now; lines with none left out. */
    private static List<OrderLine> stillOpen(List<OrderLine> toPlace, List<OrderLine> openNow) {
        Map<Integer, Integer> open = new HashMap<>();
        openNow.forEach(l -> open.put(l.lineNo(), l.quantity()));
        List<OrderLine> still = new ArrayList<>();
        for (OrderLine l : toPlace) {
            int units = Math.min(l.quantity(), open.getOrDefault(l.lineNo(), 0));
            if (units > 0) {
                still.add(units == l.quantity() ? l : new OrderLine(l.lineNo(), l.sku(), units, l.unitPrice()));
            }
        }
        return still;
    }

    /**
     * Re-sources a shipment its node rejected or could not fill: releases its reservations, marks it
     * rejected, and places its lines again without that node (and any other excluded ones).
     */
    public AllocationOutcome reallocate(String orderId, String shipmentId, String attempt, Set<String> excludedNodeIds,
                                        String reason, Map<String, ?> decided) {
        if (!reservationsOf(orderId, attempt).isEmpty()) {
            return repeated(orders.get(orderId), attempt);
        }
        Order order = orders.get(orderId);
        Shipment rejected = order.shipments().stream().filter(s -> s.shipmentId().equals(shipmentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Order " + orderId + " has no shipment " + shipmentId));
        TransientFailures.retry("releasing shipment " + shipmentId, () -> transaction.executeWithoutResult(status -> {
            ledger.releaseAll(ledger.reservationsOf(orderId).stream().filter(r -> r.id().startsWith(shipmentId + "-"))
                    .map(Reservation::id).toList(), "shipment " + shipmentId + " rejected: " + reason, ACTOR);
            orders.rejectShipment(orderId, shipmentId, ACTOR, reason);
        }));
        Map<Integer, OrderLine> byLineNo = new HashMap<>();
        order.lines().forEach(l -> byLineNo.put(l.lineNo(), l));
        List<OrderLine> toPlace = rejected.lines().stream().map(l -> new OrderLine(l.lineNo(), l.sku(), l.quantity(),
                byLineNo.get(l.lineNo()).unitPrice())).toList();
        Set<String> excluded = new HashSet<>(excludedNodeIds);
        excluded.add(rejected.nodeId());
        return place(order, toPlace, "REALLOCATED", attempt, policies.policyFor(order, decided),
                policies.promiseDays(order, decided), exclusions.withIneligible(excluded, decided), policies.serviceUpgrade(decided));
    }

    /**
     * Plans {@code toPlace} and records the plan. Units a line cancel took while the plan was made (the order's row
     * lock comes only when the plan is recorded) are not placed: the plan is made again for what is still open.
     */
    AllocationOutcome place(Order order, List<OrderLine> toPlace, String eventType, String attempt, Policy policy,
                            int promiseDays, Set<String> excludedNodeIds, boolean serviceUpgrade) {
        RuntimeException lastRace = null;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            AllocationRequest request = inputs.requestFor(order, toPlace, policy, promiseDays, excludedNodeIds,
                    serviceUpgrade);
            AllocationResult result = engine.allocate(request);
            if (result.plan().isEmpty()) {
                throw new NoFeasibleAllocationException(result.explanation(), CandidatePlanTable.of(result));
            }
            String explanation = explanation(request, result);
            Order planFor = order;
            List<OrderLine> planned = toPlace;
            try {
                return TransientFailures.retry("allocating " + order.orderId(),
                        () -> transaction.execute(status -> reserveAndRecord(planFor, planned, eventType, attempt, result,
                                explanation)));
            } catch (InsufficientStockException race) {
                lastRace = race;
            } catch (LinesCancelledMeanwhileException cancelled) {
                lastRace = cancelled;
                order = cancelled.order();
                toPlace = cancelled.stillOpen();
                if (toPlace.isEmpty()) {
                    return new AllocationOutcome(order.orderId(), attempt, List.of(), 0, 0, BigDecimal.ZERO,
                            "Every unit left to place was cancelled while the plan was made", false);
                }
            }
        }
        throw new AllocationContentionException("The plan was overtaken " + MAX_ATTEMPTS
                + " times in a row; last: " + lastRace.getMessage(), lastRace);
    }

    /**
     * The shipments (PLANNED, ids {@code <orderId>-<attempt>-<n>}) a plan the wave optimiser decided for the whole
     * order would be, for the order's process to reserve and record: nothing is written here.
     */
    List<Shipment> plannedShipments(Order order, String attempt, io.maestro.workers.allocation.model.AllocationPlan plan) {
        return shipmentsOf(order, uncancelled(order), attempt, plan, new ArrayList<>());
    }

    /** The order's lines less the units line-cancel commands took: what a plan for the whole order places. */
    List<OrderLine> uncancelled(Order order) {
        return less(order.lines(), cancellations.byLine(order.orderId()));
    }

    /** What the timeline says about a wave plan (as for an allocation: rule, costs by rule, attempt). */
    Map<String, Object> planDetails(String attempt, io.maestro.workers.allocation.model.AllocationPlan plan) {
        return details(new AllocationResult(plan, List.of(), 0, false, CandidatePlanOptimizer.NAME), attempt);
    }

    /** The plan in plain words, with the carrier services each parcel did not take and why. */
    private static String explanation(AllocationRequest request, AllocationResult result) {
        String carriers = result.plan().shipments().stream()
                .map(parcel -> io.maestro.workers.allocation.explain.CarrierAlternatives.describe(request, parcel))
                .filter(text -> !text.isEmpty()).collect(java.util.stream.Collectors.joining("; "));
        String splitOrWait = SplitOrWait.describe(request, result.plan());
        return result.explanation() + (splitOrWait.isEmpty() ? "" : " " + splitOrWait)
                + (carriers.isEmpty() ? "" : " Carriers: " + carriers + ".");
    }

    private AllocationOutcome reserveAndRecord(Order order, List<OrderLine> toPlace, String eventType, String attempt,
                                               AllocationResult result, String explanation) {
        if (commands.lockAndCheckCancelled(order.orderId())) {
            throw new OrderCancelledException("Order " + order.orderId() + " was cancelled while it was being planned: "
                    + "nothing is reserved");
        }
        if (!reservationsOf(order.orderId(), attempt).isEmpty()) {
            return repeated(orders.get(order.orderId()), attempt);
        }
        Order now = orders.get(order.orderId());
        List<OrderLine> stillOpen = stillOpen(toPlace, openLines(now, cancellations.byLine(order.orderId())));
        if (!stillOpen.equals(toPlace)) {
            throw new LinesCancelledMeanwhileException(now, stillOpen);
        }
        List<ReservationRequest> reservations = new ArrayList<>();
        List<Shipment> shipments = shipmentsOf(order, toPlace, attempt, result.plan(), reservations);
        if (!reservations.isEmpty() && !ledger.reserveOnce(order.channel(), reservations, ACTOR)) {
            return repeated(orders.get(order.orderId()), attempt);
        }
        int unfilled = result.plan().unfilledUnits();
        orders.recordPlan(order.orderId(), eventType, shipments, statusAfter(now, unfilled), ACTOR,
                explanation, details(result, attempt));
        orders.recordEstimates(estimates(order, attempt, result.plan()));
        int allocated = shipments.stream().flatMap(s -> s.lines().stream()).mapToInt(ShipmentLine::quantity).sum();
        return new AllocationOutcome(order.orderId(), attempt, shipments, allocated, unfilled,
                money(result.plan().totalCost()), explanation, false, CandidatePlanTable.of(result));
    }

    /** What each shipped parcel of the plan will cost and emit with the carrier service it was priced with. */
    static List<ShipmentEstimate> estimates(Order order, String attempt, io.maestro.workers.allocation.model.AllocationPlan plan) {
        List<ShipmentEstimate> estimates = new ArrayList<>();
        List<io.maestro.workers.allocation.model.Shipment> parcels = plan.shipments();
        for (int s = 0; s < parcels.size(); s++) {
            io.maestro.workers.allocation.model.Shipment parcel = parcels.get(s);
            if (parcel.service() != io.maestro.workers.allocation.model.Service.PICKUP) {
                estimates.add(new ShipmentEstimate(order.orderId() + "-" + attempt + "-" + (s + 1), parcel.carrier(),
                        parcel.service().name(), money(parcel.price()),
                        BigDecimal.valueOf(parcel.co2Kg()).setScale(3, RoundingMode.HALF_UP)));
            }
        }
        return estimates;
    }

    /** The plan's parcels as shipments of the order's lines, with the reservation each shipment line needs. */
    private List<Shipment> shipmentsOf(Order order, List<OrderLine> toPlace, String attempt,
                                       io.maestro.workers.allocation.model.AllocationPlan plan,
                                       List<ReservationRequest> reservations) {
        List<Shipment> shipments = new ArrayList<>();
        Map<String, List<OrderLine>> linesBySku = new HashMap<>();
        toPlace.forEach(l -> linesBySku.computeIfAbsent(l.sku(), k -> new ArrayList<>()).add(l));
        Map<Integer, Integer> placed = new HashMap<>();
        List<io.maestro.workers.allocation.model.Shipment> parcels = plan.shipments();
        for (int s = 0; s < parcels.size(); s++) {
            io.maestro.workers.allocation.model.Shipment parcel = parcels.get(s);
            String shipmentId = order.orderId() + "-" + attempt + "-" + (s + 1);
            List<ShipmentLine> lines = new ArrayList<>();
            for (io.maestro.workers.allocation.model.OrderLine unitsOfSku : parcel.lines()) {
                int left = unitsOfSku.quantity();
                for (OrderLine line : linesBySku.get(unitsOfSku.sku())) {
                    int open = line.quantity() - placed.getOrDefault(line.lineNo(), 0);
                    int take = Math.min(open, left);
                    if (take <= 0) {
                        continue;
                    }
                    placed.merge(line.lineNo(), take, Integer::sum);
                    left -= take;
                    lines.add(new ShipmentLine(line.lineNo(), line.sku(), take));
                    reservations.add(new ReservationRequest(shipmentId + "-" + line.lineNo(), order.orderId(),
                            line.lineNo(), parcel.nodeId(), line.sku(), take));
                }
            }
            shipments.add(new Shipment(shipmentId, parcel.nodeId(), lines, parcel.carrier(), parcel.service().name(),
                    money(parcel.cost()), BigDecimal.valueOf(parcel.co2Kg()).setScale(3, RoundingMode.HALF_UP),
                    LocalDate.now(clock).plusDays(parcel.etaDays()), ShipmentStatus.PLANNED, null));
        }
        return shipments;
    }

    /**
     * ALLOCATED, or BACKORDERED while units are missing; an order part of which has already left stays
     * PARTIALLY_SHIPPED while the rest is placed (it does not go back).
     */
    private static OrderStatus statusAfter(Order order, int unfilled) {
        if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return unfilled == 0 ? OrderStatus.ALLOCATED : OrderStatus.BACKORDERED;
    }

    private AllocationOutcome repeated(Order order, String attempt) {
        List<Shipment> shipments = order.shipments().stream()
                .filter(s -> s.shipmentId().startsWith(order.orderId() + "-" + attempt + "-")).toList();
        int placed = shipments.stream().flatMap(s -> s.lines().stream()).mapToInt(ShipmentLine::quantity).sum();
        int open = openLines(order, cancellations.byLine(order.orderId())).stream().mapToInt(OrderLine::quantity).sum();
        BigDecimal cost = shipments.stream().map(Shipment::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AllocationOutcome(order.orderId(), attempt, shipments, placed, open, cost,
                "Allocated before by attempt " + attempt, true);
    }

    private List<Reservation> reservationsOf(String orderId, String attempt) {
        return ledger.reservationsOf(orderId).stream()
                .filter(r -> r.id().startsWith(orderId + "-" + attempt + "-") && r.status() != ReservationStatus.RELEASED)
                .toList();
    }

    private static Map<String, Object> details(AllocationResult result, String attempt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempt", attempt);
        details.put("decidedBy", result.rule());
        details.put("leastPossibleCost", result.proven());
        details.put("totalCost", money(result.plan().totalCost()));
        Map<String, BigDecimal> byRule = new LinkedHashMap<>();
        result.plan().breakdown().byRule().forEach((rule, value) -> byRule.put(rule, money(value)));
        details.put("costByRule", byRule);
        details.put("unfilledUnits", result.plan().unfilledUnits());
        details.put("notChosen", result.alternatives().stream().limit(ALTERNATIVES_ON_TIMELINE)
                .map(RejectedAlternative::describe).toList());
        return details;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
