package io.maestro.app.simulation;

import io.maestro.app.simulation.SimulationResult.ChangedOrder;
import io.maestro.app.simulation.SimulationResult.NodeLoad;
import io.maestro.app.simulation.SimulationResult.RuleHits;
import io.maestro.app.simulation.SimulationResult.VariantReport;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.processes.fulfillment.LoadOrderFacts;
import io.maestro.workers.allocate.AllocationPolicies;
import io.maestro.workers.allocate.EngineInputs;
import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The replay engine: each order goes through the decisions the order's process takes before allocation
 * ({@code order-screening}, {@code fulfillment-policy}, {@code node-eligibility}, with the inputs
 * {@link LoadOrderFacts} gives the process) and through the allocation engine with the inputs the allocation worker
 * builds ({@link EngineInputs}, {@link AllocationPolicies}), against a copy of inventory taken at the start
 * ({@link InventoryCopy}) that each variant's plans consume in order. Nothing is written: no reservation, ledger
 * entry, order, decision history or partner call. A held order waits for an operator in the process: here it is
 * counted as held and not planned.
 */
@Component
@ConditionalOnWebApplication
public class OrderReplay {

    static final int CHANGES_KEPT = 500;

    private final LoadOrderFacts facts;
    private final AllocationPolicies policies;
    private final EngineInputs inputs;
    private final InventoryQueries inventory;
    private final NetworkService network;
    private final RepositoryService repository;
    private final AllocationEngine engine = new AllocationEngine();

    public OrderReplay(LoadOrderFacts facts, AllocationPolicies policies, EngineInputs inputs, InventoryQueries inventory,
                       NetworkService network, RepositoryService repository) {
        this.facts = facts;
        this.policies = policies;
        this.inputs = inputs;
        this.inventory = inventory;
        this.network = network;
        this.repository = repository;
    }

    /** The decision tables of each variant, loaded before anything runs so a bad choice is a bad request. */
    public List<DecisionTables> tablesOf(SimulationRequest request) {
        List<DecisionTables> tables = new ArrayList<>();
        Map<String, DecisionTables.Evaluation> evaluations = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < request.variants().size(); i++) {
            tables.add(DecisionTables.of(repository, request.variants().get(i).decisions(), "variants[" + i + "]",
                    evaluations));
        }
        return tables;
    }

    /** What one order came to under one variant. */
    record Outcome(String orderId, boolean held, int unitsOrdered, int unitsPlanned, int parcels, double cost,
                   double carrierPrice, double co2Kg, boolean onTime, String plan, List<String> rules,
                   Map<String, Object> decided, Set<String> nodes) {
    }

    /**
     * Replays {@code orders} under every variant. {@code pausedEverywhere} are down in every variant (a node outage),
     * {@code outOfStock} SKUs have no stock anywhere; {@code progress} hears of every order replayed.
     */
    public SimulationResult run(String source, List<Order> orders, SimulationRequest request, List<DecisionTables> tables,
                                Set<String> pausedEverywhere, Set<String> outOfStock, IntConsumer progress) {
        Set<String> channels = orders.stream().map(Order::channel).collect(Collectors.toSet());
        Set<String> skus = orders.stream().flatMap(o -> o.lines().stream()).map(OrderLine::sku)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        InventoryCopy copy = InventoryCopy.of(inventory, channels, skus, outOfStock);
        Map<String, Node> nodes = new LinkedHashMap<>();
        network.all().forEach(n -> nodes.put(n.id(), n));
        List<List<Outcome>> outcomes = new ArrayList<>();
        List<double[]> timings = new ArrayList<>();
        List<InventoryCopy.VariantStock> stocks = new ArrayList<>();
        for (int v = 0; v < request.variants().size(); v++) {
            SimulationRequest.Variant variant = request.variants().get(v);
            Set<String> paused = new HashSet<>(pausedEverywhere);
            if (variant.network() != null && variant.network().pausedNodes() != null) {
                paused.addAll(variant.network().pausedNodes());
            }
            InventoryCopy.VariantStock stock = copy.variant(capacityOffset(variant, nodes));
            long start = System.nanoTime();
            DecisionTables variantTables = tables.get(v);
            List<Decided> decisions = decideAll(orders, variantTables, progress);
            List<Outcome> byOrder = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                byOrder.add(allocate(orders.get(i), decisions.get(i), variant.settings(), paused, stock));
                progress.accept(1);
            }
            timings.add(new double[] {(System.nanoTime() - start) / 1e9});
            outcomes.add(byOrder);
            stocks.add(stock);
        }
        List<ChangedOrder> changed = new ArrayList<>();
        List<VariantReport> reports = new ArrayList<>();
        for (int v = 0; v < request.variants().size(); v++) {
            List<ChangedOrder> mine = v == 0 ? List.of() : changes(request, v, outcomes.get(0), outcomes.get(v), nodes);
            changed.addAll(mine.stream().limit(CHANGES_KEPT).toList());
            reports.add(report(request.variants().get(v), tables.get(v), outcomes.get(v), timings.get(v)[0], mine.size(),
                    stocks.get(v), nodes));
        }
        return new SimulationResult(orders.size(), source, reports, changed);
    }

    /** What an order's decisions gave: hold or not, the policy's outputs, the eligible node types, the rules. */
    record Decided(boolean held, Object holdReason, Map<String, Object> policy, Set<String> eligibleTypes,
                   List<String> rules) {
    }

    Outcome replay(Order order, DecisionTables tables, SimulationRequest.Settings settings, Set<String> paused,
                   InventoryCopy.VariantStock stock) {
        return allocate(order, decide(order, tables), settings, paused, stock);
    }

    /** The decisions the order's process takes before allocation, with the inputs it gives them. */
    Decided decide(Order order, DecisionTables tables) {
        List<String> rules = new ArrayList<>();
        Map<String, Object> variables = facts.facts(order);
        Map<String, Object> screening = first(tables.evaluate(DecisionTables.SCREENING, variables, rules));
        if (Boolean.TRUE.equals(screening.get("hold"))) {
            return new Decided(true, screening.get("holdReason"), Map.of(), Set.of(), rules);
        }
        Map<String, Object> decided = new TreeMap<>(first(tables.evaluate(DecisionTables.POLICY, variables, rules)));
        decided.values().removeIf(Objects::isNull);
        Set<String> types = tables.evaluate(DecisionTables.ELIGIBILITY, variables, rules).stream()
                .map(entries -> entries.get("eligibleNodeType")).filter(Objects::nonNull).map(String::valueOf)
                .collect(Collectors.toSet());
        return new Decided(false, null, decided, types, rules);
    }

    /** Plans the order as the allocation worker would, on this variant's stock, which the plan then consumes. */
    Outcome allocate(Order order, Decided decision, SimulationRequest.Settings settings, Set<String> paused,
                     InventoryCopy.VariantStock stock) {
        int ordered = order.lines().stream().mapToInt(OrderLine::quantity).sum();
        List<String> rules = decision.rules();
        if (decision.held()) {
            return new Outcome(order.orderId(), true, ordered, 0, 0, 0, 0, 0, false, "held: " + decision.holdReason(),
                    rules, Map.of(), Set.of());
        }
        Map<String, Object> decided = decision.policy();
        Set<String> types = decision.eligibleTypes();
        Set<String> excluded = new HashSet<>(paused);
        if (!types.isEmpty()) {
            excluded.addAll(inputs.nodesNotOfTypes(types));
        }
        Policy decidedPolicy = withSettings(policies.policyFor(order, decided), settings);
        AllocationResult result = engine.allocate(inputs.requestFor(order, order.lines(), decidedPolicy,
                policies.promiseDays(order, decided), excluded, policies.serviceUpgrade(decided), stock));
        List<Shipment> parcels = result.plan().shipments();
        int planned = 0;
        double cost = 0;
        double price = 0;
        double co2 = 0;
        boolean onTime = !parcels.isEmpty();
        Set<String> used = new LinkedHashSet<>();
        List<String> plan = new ArrayList<>();
        for (Shipment parcel : parcels) {
            for (io.maestro.workers.allocation.model.OrderLine line : parcel.lines()) {
                stock.take(parcel.nodeId(), line.sku(), line.quantity());
                planned += line.quantity();
                plan.add(parcel.nodeId() + ":" + line.sku() + "x" + line.quantity() + "/" + parcel.carrier() + "-"
                        + parcel.service());
            }
            cost += parcel.cost();
            price += parcel.price();
            co2 += parcel.co2Kg();
            onTime &= parcel.onTime();
            used.add(parcel.nodeId());
        }
        plan.sort(null);
        String description = plan.isEmpty() ? "nothing planned" : String.join(" ", plan);
        if (planned < ordered && !plan.isEmpty()) {
            description += " (" + (ordered - planned) + " unfilled)";
        }
        return new Outcome(order.orderId(), false, ordered, planned, parcels.size(), cost, price, co2, onTime, description,
                rules, decided, used);
    }

    /**
     * Every order's decisions, on all cores: they do not depend on stock or on each other (FEEL evaluation is the
     * dearest part of a replayed order; the allocations that follow consume stock in order, one at a time).
     */
    private List<Decided> decideAll(List<Order> orders, DecisionTables tables, IntConsumer progress) {
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return pool.submit(() -> orders.parallelStream().map(order -> {
                Decided decided = decide(order, tables);
                progress.accept(1);
                return decided;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deciding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The first matched rule's outputs (what a FIRST table decides), or none. */
    private static Map<String, Object> first(List<Map<String, Object>> results) {
        return results.isEmpty() ? Map.of() : results.get(0);
    }

    private static Policy withSettings(Policy p, SimulationRequest.Settings s) {
        if (s == null) {
            return p;
        }
        return new Policy(or(s.costWeight(), p.costWeight()), or(s.speedWeight(), p.speedWeight()),
                or(s.carbonWeight(), p.carbonWeight()),
                s.maxShipments() == null ? p.maxShipments() : Math.min(s.maxShipments(), p.maxShipments()),
                p.splitAllowed(), p.shipFromStoreAllowed(), or(s.carbonPricePerKg(), p.carbonPricePerKg()),
                or(s.splitPenalty(), p.splitPenalty()), or(s.latenessPenaltyPerDay(), p.latenessPenaltyPerDay()),
                p.unfilledPenaltyPerUnit());
    }

    private static double or(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    /** A lower capacity counts as units held, a higher one as units freed. */
    private static Map<String, Long> capacityOffset(SimulationRequest.Variant variant, Map<String, Node> nodes) {
        Map<String, Long> offset = new HashMap<>();
        if (variant.network() != null && variant.network().capacity() != null) {
            variant.network().capacity().forEach((node, units) ->
                    offset.put(node, (long) nodes.get(node).dailyCapacity() - units));
        }
        return offset;
    }

    private static long capacityOf(SimulationRequest.Variant variant, Node node) {
        if (variant.network() != null && variant.network().capacity() != null
                && variant.network().capacity().containsKey(node.id())) {
            return variant.network().capacity().get(node.id());
        }
        return node.dailyCapacity();
    }

    private List<ChangedOrder> changes(SimulationRequest request, int v, List<Outcome> baseline, List<Outcome> variant,
                                       Map<String, Node> nodes) {
        SimulationRequest.Variant base = request.variants().get(0);
        SimulationRequest.Variant other = request.variants().get(v);
        Set<String> pausedHere = paused(other);
        pausedHere.removeAll(paused(base));
        Set<String> capacityChanged = new HashSet<>(capacities(other).keySet());
        capacityChanged.addAll(capacities(base).keySet());
        capacityChanged.removeIf(n -> Objects.equals(capacities(base).get(n), capacities(other).get(n)));
        boolean settingsDiffer = !Objects.equals(base.settings(), other.settings());
        List<ChangedOrder> changed = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i++) {
            Outcome a = baseline.get(i);
            Outcome b = variant.get(i);
            if (a.plan().equals(b.plan())) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (a.held() != b.held()) {
                reasons.add(b.held() ? "held by order-screening" : "not held by order-screening");
            }
            List<String> ruleChanges = ruleChanges(a.rules(), b.rules());
            reasons.addAll(ruleChanges);
            if (ruleChanges.isEmpty() && !a.held() && !b.held() && !a.decided().equals(b.decided())) {
                reasons.add(DecisionTables.POLICY + " decided " + differences(a.decided(), b.decided()));
            }
            a.nodes().stream().filter(pausedHere::contains).forEach(n -> reasons.add("node " + n + " paused"));
            Set<String> touched = new HashSet<>(a.nodes());
            touched.addAll(b.nodes());
            touched.stream().filter(capacityChanged::contains).sorted()
                    .forEach(n -> reasons.add("capacity of " + n + " changed"));
            if (reasons.isEmpty() && settingsDiffer) {
                reasons.add("allocation settings " + describe(other.settings()) + " instead of " + describe(base.settings()));
            }
            if (reasons.isEmpty()) {
                reasons.add("stock or capacity left by the orders before it differed");
            }
            changed.add(new ChangedOrder(a.orderId(), other.name(), a.plan(), b.plan(), String.join("; ", reasons)));
        }
        return changed;
    }

    private static List<String> ruleChanges(List<String> before, List<String> after) {
        Map<String, List<String>> a = byDecision(before);
        Map<String, List<String>> b = byDecision(after);
        Set<String> decisions = new java.util.TreeSet<>(a.keySet());
        decisions.addAll(b.keySet());
        List<String> changes = new ArrayList<>();
        for (String decision : decisions) {
            List<String> x = a.getOrDefault(decision, List.of());
            List<String> y = b.getOrDefault(decision, List.of());
            if (!x.equals(y)) {
                changes.add(decision + " " + (x.isEmpty() ? "(none)" : String.join("+", x)) + " → "
                        + (y.isEmpty() ? "(none)" : String.join("+", y)));
            }
        }
        return changes;
    }

    /** "promiseDays 5 → 1, …" for the outputs that differ. */
    private static String differences(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n)))
                .map(n -> n + " " + before.get(n) + " → " + after.get(n)).collect(Collectors.joining(", "));
    }

    private static Map<String, List<String>> byDecision(List<String> hits) {
        Map<String, List<String>> byDecision = new TreeMap<>();
        for (String hit : hits) {
            int colon = hit.indexOf(':');
            byDecision.computeIfAbsent(hit.substring(0, colon), k -> new ArrayList<>()).add(hit.substring(colon + 1));
        }
        return byDecision;
    }

    private static String describe(SimulationRequest.Settings s) {
        if (s == null) {
            return "(as decided)";
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("costWeight", s.costWeight());
        set.put("speedWeight", s.speedWeight());
        set.put("carbonWeight", s.carbonWeight());
        set.put("carbonPricePerKg", s.carbonPricePerKg());
        set.put("splitPenalty", s.splitPenalty());
        set.put("latenessPenaltyPerDay", s.latenessPenaltyPerDay());
        set.put("maxShipments", s.maxShipments());
        set.values().removeIf(Objects::isNull);
        return set.toString();
    }

    private static Set<String> paused(SimulationRequest.Variant variant) {
        return variant.network() == null || variant.network().pausedNodes() == null ? new HashSet<>()
                : new HashSet<>(variant.network().pausedNodes());
    }

    private static Map<String, Integer> capacities(SimulationRequest.Variant variant) {
        return variant.network() == null || variant.network().capacity() == null ? Map.of() : variant.network().capacity();
    }

    private VariantReport report(SimulationRequest.Variant variant, DecisionTables tables, List<Outcome> outcomes,
                                 double seconds, int changedOrders, InventoryCopy.VariantStock stock,
                                 Map<String, Node> nodes) {
        int held = 0;
        int withParcels = 0;
        int split = 0;
        int onTime = 0;
        long ordered = 0;
        long planned = 0;
        double cost = 0;
        double price = 0;
        double co2 = 0;
        Map<String, Integer> hits = new TreeMap<>();
        for (Outcome o : outcomes) {
            new LinkedHashSet<>(o.rules()).forEach(rule -> hits.merge(rule, 1, Integer::sum));
            if (o.held()) {
                held++;
                continue;
            }
            ordered += o.unitsOrdered();
            planned += o.unitsPlanned();
            if (o.parcels() > 0) {
                withParcels++;
                split += o.parcels() > 1 ? 1 : 0;
                onTime += o.onTime() ? 1 : 0;
                cost += o.cost();
                price += o.carrierPrice();
                co2 += o.co2Kg();
            }
        }
        List<NodeLoad> load = new ArrayList<>();
        for (Node node : nodes.values()) {
            long capacity = capacityOf(variant, node);
            long before = stock.heldBefore().getOrDefault(node.id(), 0L);
            long units = stock.unitsTaken().getOrDefault(node.id(), 0L);
            load.add(new NodeLoad(node.id(), capacity, before, units, capacity == 0 ? (before + units > 0 ? 1 : 0)
                    : round((double) (before + units) / capacity, 4)));
        }
        List<RuleHits> rules = hits.entrySet().stream().map(e -> {
            int colon = e.getKey().indexOf(':');
            return new RuleHits(e.getKey().substring(0, colon), e.getKey().substring(colon + 1),
                    tables.annotation(e.getKey()), e.getValue());
        }).toList();
        int n = Math.max(1, withParcels);
        return new VariantReport(variant.name(), tables.labels(), outcomes.size(), held, withParcels, round(cost / n, 2),
                round(price / n, 2), round((double) split / n, 4), ordered == 0 ? 0 : round((double) planned / ordered, 4),
                round((double) onTime / n, 4), round(co2 / n, 3), round(seconds, 2),
                round(seconds == 0 ? 0 : outcomes.size() / seconds, 1), changedOrders, load, rules);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
