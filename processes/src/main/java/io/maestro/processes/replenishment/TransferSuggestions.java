package io.maestro.processes.replenishment;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.CarrierQuote;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.workers.forecast.NegativeBinomial;
import io.maestro.workers.forecast.demand.Bucket;
import io.maestro.workers.forecast.demand.Forecasts;
import io.maestro.workers.forecast.demand.SkuForecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Redistribution suggestions: for a SKU held at several nodes, each node's target is its replenishment order-up-to
 * level (the same policy, forecast distribution and ABC class as {@link ReplenishmentPlanner}). A node with more than
 * {@value #FAR_ABOVE} times its level available can give what is above its level; a node whose available and
 * on-order units are below its level needs the rest. Each node in need gets units from the giving node that ships
 * them cheapest (the carrier model's cheapest service for the parcel between the two), with the expected saving.
 */
@Component
public class TransferSuggestions {

    /** How far above its level a node's available units must be before it gives any away. */
    static final double FAR_ABOVE = 2.0;

    private final InventoryQueries inventory;
    private final NetworkService network;
    private final CatalogService catalog;
    private final Forecasts forecasts;
    private final ReplenishmentPolicies policies;
    private final PurchaseOrders purchaseOrders;
    private final CarrierModel carriers;
    private final Database db;

    public TransferSuggestions(InventoryQueries inventory, NetworkService network, CatalogService catalog,
                               Forecasts forecasts, ReplenishmentPolicies policies, PurchaseOrders purchaseOrders,
                               CarrierModel carriers, Database db) {
        this.inventory = inventory;
        this.network = network;
        this.catalog = catalog;
        this.forecasts = forecasts;
        this.policies = policies;
        this.purchaseOrders = purchaseOrders;
        this.carriers = carriers;
        this.db = db;
    }

    /** Suggestions for one SKU, or for every SKU held at two nodes or more (null), the best net saving first. */
    public List<TransferSuggestion> suggest(String skuFilter) {
        if (skuFilter != null) {
            catalog.get(skuFilter);
        }
        Map<String, List<InventoryPosition>> bySku = inventory.all().stream()
                .filter(p -> skuFilter == null || p.sku().equals(skuFilter))
                .collect(Collectors.groupingBy(InventoryPosition::sku, TreeMap::new, Collectors.toList()));
        Map<String, Map<String, String>> abcByNode = new HashMap<>();
        Map<String, Map<String, Long>> onOrderByNode = new HashMap<>();
        Map<String, List<String>> skusByNode = inventory.all().stream().collect(Collectors.groupingBy(
                InventoryPosition::nodeId, Collectors.mapping(InventoryPosition::sku, Collectors.toList())));
        List<TransferSuggestion> suggestions = new ArrayList<>();
        for (Map.Entry<String, List<InventoryPosition>> sku : bySku.entrySet()) {
            if (sku.getValue().size() < 2) {
                continue;
            }
            Sku item = catalog.get(sku.getKey());
            List<End> ends = new ArrayList<>();
            for (InventoryPosition position : sku.getValue()) {
                Node node = network.get(position.nodeId());
                String abc = abcByNode.computeIfAbsent(node.id(),
                        id -> abcClasses(id, skusByNode.getOrDefault(id, List.of()))).getOrDefault(item.sku(), "C");
                ReplenishmentPolicy policy = policies.decide(node.type().name(), item.category(), abc);
                if (!policy.replenish()) {
                    continue;
                }
                int days = Math.max(1, Math.min(policy.coverDays(), Bucket.DAY.maxHorizon()));
                NegativeBinomial demand = forecasts.demandOver(item.sku(), node.id(), days).demand();
                long onOrder = onOrderByNode.computeIfAbsent(node.id(), purchaseOrders::onOrderAt)
                        .getOrDefault(item.sku(), 0L);
                ends.add(new End(node, Math.max(0, position.onHand() - position.reserved()), onOrder,
                        demand.quantile(policy.serviceLevel()), demand, days));
            }
            suggestions.addAll(pair(item, ends));
        }
        suggestions.sort(Comparator.comparing(TransferSuggestions::net, Comparator.nullsLast(Comparator.reverseOrder())));
        return suggestions;
    }

    private List<TransferSuggestion> pair(Sku item, List<End> ends) {
        Map<End, Long> giving = new HashMap<>();
        for (End end : ends) {
            if (end.available() > FAR_ABOVE * end.level() && end.available() > end.level()) {
                giving.put(end, end.available() - end.level());
            }
        }
        List<End> needing = ends.stream().filter(e -> e.available() + e.onOrder() < e.level())
                .sorted(Comparator.comparingLong((End e) -> e.available() + e.onOrder() - e.level())
                        .thenComparing(e -> e.node().id()))
                .toList();
        BigDecimal unitValue = unitValue(item.sku());
        List<TransferSuggestion> made = new ArrayList<>();
        for (End to : needing) {
            long need = to.level() - to.available() - to.onOrder();
            TransferSuggestion best = null;
            End bestFrom = null;
            for (Map.Entry<End, Long> from : giving.entrySet()) {
                long units = Math.min(need, from.getValue());
                if (units < 1) {
                    continue;
                }
                Optional<CarrierQuote> quote = cheapest(item, from.getKey().node(), to.node(), units);
                if (quote.isEmpty()) {
                    continue;
                }
                TransferSuggestion s = suggestion(item, from.getKey(), to, units, quote.get(), unitValue);
                if (best == null || s.transferCost().compareTo(best.transferCost()) < 0) {
                    best = s;
                    bestFrom = from.getKey();
                }
            }
            if (best != null) {
                made.add(best);
                giving.merge(bestFrom, -best.units(), Long::sum);
            }
        }
        return made;
    }

    private TransferSuggestion suggestion(Sku item, End from, End to, long units, CarrierQuote quote,
                                          BigDecimal unitValue) {
        long toStock = to.available() + to.onOrder();
        long fromStock = from.available() + from.onOrder();
        double saved = ExpectedSales.of(to.demand(), toStock + units) - ExpectedSales.of(to.demand(), toStock)
                - (ExpectedSales.of(from.demand(), fromStock) - ExpectedSales.of(from.demand(), fromStock - units));
        BigDecimal cost = quote.priceAmount();
        BigDecimal saving = unitValue == null ? null
                : unitValue.multiply(BigDecimal.valueOf(saved)).setScale(2, RoundingMode.HALF_UP);
        return new TransferSuggestion(item.sku(), from.node().id(), to.node().id(), units, from.available(),
                from.level(), from.coverDays(), to.available(), to.onOrder(), to.level(), to.coverDays(),
                quote.carrier(), quote.service(), cost, Math.round(saved * 100) / 100.0, unitValue, saving,
                saving != null && saving.compareTo(cost) > 0);
    }

    /**
     * ABC classes as {@link ReplenishmentPlanner#abcClasses} gives them, from the forecasts as last refreshed: a SKU
     * whose forecast at the node was never computed counts as no demand (every SKU's are, on the refresh schedule),
     * so a question about one SKU does not compute every forecast of every node holding it.
     */
    private Map<String, String> abcClasses(String nodeId, List<String> skus) {
        Map<String, Double> demand = new HashMap<>();
        for (String sku : skus) {
            demand.put(sku, forecasts.storedForSku(sku, nodeId, Bucket.DAY, ReplenishmentPlanner.ABC_DAYS)
                    .map(SkuForecast::total).orElse(0.0));
        }
        return AbcClasses.of(demand);
    }

    /** The cheapest carrier service for the units of the SKU as one parcel from one node to the other. */
    private Optional<CarrierQuote> cheapest(Sku item, Node from, Node to, long units) {
        double miles = from.location().milesTo(to.location());
        double volume = item.lengthCm().doubleValue() * item.widthCm().doubleValue() * item.heightCm().doubleValue();
        CarrierParcel parcel = new CarrierParcel(miles, item.weightKg().doubleValue() * units, volume * units,
                item.hazmat(), item.oversize(), false);
        return carriers.quotes(parcel).stream().min(Comparator.comparingDouble(CarrierQuote::price));
    }

    /** The SKU's average selling price over its order lines; null when it never sold. */
    private BigDecimal unitValue(String sku) {
        BigDecimal value = db.jdbc().queryForObject("select sum(unit_price * quantity) / sum(quantity) from order_line "
                + "where sku = ?", BigDecimal.class, sku);
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal net(TransferSuggestion s) {
        return s.expectedSaving() == null ? null : s.expectedSaving().subtract(s.transferCost());
    }

    /** One node's side: available units, units on order, its order-up-to level and the demand over its cover days. */
    private record End(Node node, long available, long onOrder, long level, NegativeBinomial demand, int days) {

        Double coverDays() {
            double perDay = demand.mean() / days;
            return perDay <= 0 ? null : Math.round(available / perDay * 10) / 10.0;
        }
    }
}
