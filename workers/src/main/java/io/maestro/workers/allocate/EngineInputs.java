package io.maestro.workers.allocate;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierSelection;
import io.maestro.core.carrier.ShippingTerms;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.workers.allocation.cost.CarrierRateCard;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Goods;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Translates core's state (order, network, stock, today's load) into the engine's request, at this moment. */
@Component
public class EngineInputs {

    private final NetworkService network;
    private final CatalogService catalog;
    private final InventoryQueries inventory;
    private final Clock clock;
    private final CarrierModel carriers;
    private final CarrierSelection carrierSelection;
    private final StockView live;

    /** Where a request's stock and today's load come from: the live ledger ({@link InventoryQueries}) or a copy. */
    public interface StockView {
        /** Units of each node's daily capacity held today. */
        Map<String, Long> capacityHeldToday();

        /** ATP per node and SKU as {@code channel} sees it. */
        io.maestro.core.inventory.AtpSnapshot snapshot(String channel, java.util.Collection<String> skus);
    }

    public EngineInputs(NetworkService network, CatalogService catalog, InventoryQueries inventory, Clock clock,
                        CarrierModel carriers, CarrierSelection carrierSelection) {
        this.network = network;
        this.catalog = catalog;
        this.inventory = inventory;
        this.clock = clock;
        this.carriers = carriers;
        this.carrierSelection = carrierSelection;
        this.live = new StockView() {
            @Override
            public Map<String, Long> capacityHeldToday() {
                return inventory.capacityHeldToday();
            }

            @Override
            public io.maestro.core.inventory.AtpSnapshot snapshot(String channel, java.util.Collection<String> skus) {
                return inventory.snapshot(channel, skus);
            }
        };
    }

    /** The request to place {@code toPlace} (all the order's lines, or what a rejected shipment held). */
    public AllocationRequest requestFor(Order order, List<io.maestro.core.order.OrderLine> toPlace, Policy policy,
                                        int promiseDays, Set<String> excludedNodeIds) {
        return requestFor(order, toPlace, policy, promiseDays, excludedNodeIds, Map.of(), false, live);
    }

    /** The same for an order whose policy granted a service upgrade (its parcels go two-day or faster) or not. */
    public AllocationRequest requestFor(Order order, List<io.maestro.core.order.OrderLine> toPlace, Policy policy,
                                        int promiseDays, Set<String> excludedNodeIds, boolean serviceUpgrade) {
        return requestFor(order, toPlace, policy, promiseDays, excludedNodeIds, serviceUpgrade, live);
    }

    /** The same against another view of stock and today's load (a what-if replay's copy of them). */
    public AllocationRequest requestFor(Order order, List<io.maestro.core.order.OrderLine> toPlace, Policy policy,
                                        int promiseDays, Set<String> excludedNodeIds, boolean serviceUpgrade,
                                        StockView stock) {
        return requestFor(order, toPlace, policy, promiseDays, excludedNodeIds, Map.of(), serviceUpgrade, stock);
    }

    /**
     * The same, as if the reservations {@code freed} (node → SKU → units) were released first: their
     * units count as available and as capacity left today. Re-optimisation plans orders this way.
     */
    public AllocationRequest requestFor(Order order, List<io.maestro.core.order.OrderLine> toPlace, Policy policy,
                                        int promiseDays, Set<String> excludedNodeIds,
                                        Map<String, Map<String, Integer>> freed, boolean serviceUpgrade) {
        return requestFor(order, toPlace, policy, promiseDays, excludedNodeIds, freed, serviceUpgrade, live);
    }

    private AllocationRequest requestFor(Order order, List<io.maestro.core.order.OrderLine> toPlace, Policy policy,
                                         int promiseDays, Set<String> excludedNodeIds,
                                         Map<String, Map<String, Integer>> freed, boolean serviceUpgrade,
                                         StockView stock) {
        List<OrderLine> lines = toPlace.stream().map(this::engineLine).toList();
        io.maestro.workers.allocation.model.DeliveryOption option =
                io.maestro.workers.allocation.model.DeliveryOption.valueOf(order.deliveryOption().name());
        io.maestro.workers.allocation.model.Order engineOrder = new io.maestro.workers.allocation.model.Order(order.orderId(), lines,
                new GeoPoint(order.latitude(), order.longitude()), option, promiseDays, order.shipComplete(),
                order.pickupNodeId());
        Map<String, Long> loadToday = stock.capacityHeldToday();
        List<Node> nodes = network.all().stream()
                .filter(n -> n.acceptsWork() && canServe(n, order))
                .map(n -> new Node(n.id(), n.name(), NodeType.valueOf(n.type().name()),
                        new GeoPoint(n.latitude(), n.longitude()), n.handlingCostPerShipment().doubleValue(),
                        n.handlingCostPerUnit().doubleValue(), daysToShip(n),
                        (int) Math.max(0, n.dailyCapacity() - loadToday.getOrDefault(n.id(), 0L) + freedAt(freed, n.id())),
                        Node.UNLIMITED,
                        excludedNodeIds.contains(n.id())))
                .toList();
        Map<String, Map<String, Integer>> atp = new HashMap<>();
        stock.snapshot(order.channel(), lines.stream().map(OrderLine::sku).distinct().toList()).atpByNodeAndSku()
                .forEach((node, skus) -> {
                    Map<String, Integer> units = new HashMap<>();
                    skus.forEach((sku, n) -> units.put(sku, (int) Math.min(Integer.MAX_VALUE, n)));
                    atp.put(node, units);
                });
        freed.forEach((node, skus) -> skus.forEach((sku, n) ->
                atp.computeIfAbsent(node, k -> new HashMap<>()).merge(sku, n, Integer::sum)));
        boolean[] reachable = Goods.reachable(lines);
        Map<Integer, List<io.maestro.workers.allocation.model.RateCard>> byGoods = new HashMap<>();
        List<io.maestro.workers.allocation.model.RateCard> whole = null;
        int orderGoods = 0;
        for (OrderLine line : lines) {
            orderGoods |= line.goods();
        }
        for (int goods = 0; goods < Goods.KINDS; goods++) {
            if (!reachable[goods]) {
                continue;
            }
            ShippingTerms terms = terms(order, Goods.hazmat(goods), Goods.oversize(goods), serviceUpgrade, promiseDays);
            List<io.maestro.workers.allocation.model.RateCard> cards = CarrierRateCard.of(carriers, terms);
            if (cards.isEmpty() && option == io.maestro.workers.allocation.model.DeliveryOption.SHIP) {
                throw new IllegalStateException("No configured carrier offers what DMN carrier-selection allows for "
                        + "order " + order.orderId() + ": " + terms.allowed().describe() + " ("
                        + terms.allowed().reason() + ")");
            }
            byGoods.put(goods, cards);
            whole = goods == orderGoods ? cards : whole;
        }
        return new AllocationRequest(engineOrder, policy, nodes, AtpSnapshot.of(atp), whole, byGoods);
    }

    /** The engine's line: its units' weight and volume, and whether the SKU is hazardous or oversize. */
    private OrderLine engineLine(io.maestro.core.order.OrderLine line) {
        Sku sku = catalog.find(line.sku()).orElseThrow();
        return new OrderLine(line.sku(), line.quantity(), sku.weightKg().doubleValue() * CarrierRateCard.LB_PER_KG,
                sku.unitVolumeCm3(), sku.hazmat(), sku.oversize());
    }

    /**
     * The carrier terms of a parcel holding {@code toPlace}, as DMN {@code carrier-selection} decides them for its
     * goods (hazardous or oversize when any of its lines is), the customer's tier, the service upgrade the policy
     * granted and the promise.
     */
    public ShippingTerms shippingTerms(Order order, List<io.maestro.core.order.OrderLine> toPlace, boolean serviceUpgrade,
                                       int promiseDays) {
        boolean hazmat = false;
        boolean oversize = false;
        for (io.maestro.core.order.OrderLine line : toPlace) {
            Sku sku = catalog.find(line.sku()).orElseThrow();
            hazmat |= sku.hazmat();
            oversize |= sku.oversize();
        }
        return terms(order, hazmat, oversize, serviceUpgrade, promiseDays);
    }

    private ShippingTerms terms(Order order, boolean hazmat, boolean oversize, boolean serviceUpgrade, int promiseDays) {
        return carrierSelection.terms(order.orderId(), new CarrierSelection.Facts(hazmat, oversize,
                order.customer().tier().name(), serviceUpgrade, promiseDays));
    }

    /** Ids of the nodes whose type is not among {@code types} (node type names). */
    public Set<String> nodesNotOfTypes(Set<String> types) {
        return network.all().stream().filter(n -> !types.contains(n.type().name())).map(n -> n.id())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static int freedAt(Map<String, Map<String, Integer>> freed, String nodeId) {
        return freed.getOrDefault(nodeId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean canServe(io.maestro.core.network.Node node, Order order) {
        if (order.deliveryOption() != DeliveryOption.SHIP) {
            return node.id().equals(order.pickupNodeId());
        }
        return node.can(Capability.SHIP) || node.can(Capability.SHIP_FROM_STORE);
    }

    /** 0 before the node's cut-off in its own time zone, 1 after it. */
    private int daysToShip(io.maestro.core.network.Node node) {
        ZonedDateTime local = ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of(node.timeZone()));
        return local.toLocalTime().isBefore(node.cutoffTime()) ? 0 : 1;
    }
}
