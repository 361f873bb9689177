package io.maestro.app.alerts;

import io.maestro.app.metrics.MetricsProperties;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.processes.replenishment.ReplenishmentPlanner;
import io.maestro.processes.replenishment.ReplenishmentPolicies;
import io.maestro.workers.forecast.demand.Bucket;
import io.maestro.workers.forecast.demand.Forecasts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * SKUs at nodes that may run out before a replenishment could arrive: available to promise (on hand − reserved −
 * safety stock) below the demand forecast over the replenishment policy's lead time, at the policy's service level
 * — the quantile of {@link Forecasts#demandOver} replenishment orders by, over DMN {@code replenishment-policy}'s
 * lead time for the node's type, the SKU's category and ABC class ({@link ReplenishmentPlanner#abcClasses}). Only
 * SKUs with a stored daily forecast at the node are looked at (none is computed here), and only where the policy
 * replenishes. Gauge {@code maestro.stockout.risks} counts them, read again at most every {@code maestro.metrics.refresh}.
 */
@Component
@ConditionalOnWebApplication
public class StockoutRisks {

    /**
     * One SKU at one node at risk: its ATP, the units demanded over the lead time at the service level, and what
     * that figure comes from.
     */
    public record Risk(String nodeId, String sku, long atp, long leadTimeDemand, int leadTimeDays, double serviceLevel,
                       String method) {
    }

    private record Counted(Instant at, int risks) {
    }

    private final NetworkService network;
    private final CatalogService catalog;
    private final InventoryQueries inventory;
    private final Forecasts forecasts;
    private final ReplenishmentPlanner planner;
    private final ReplenishmentPolicies policies;
    private final MetricsProperties metrics;
    private final Clock clock = Clock.systemUTC();
    private volatile Counted counted;

    public StockoutRisks(NetworkService network, CatalogService catalog, InventoryQueries inventory,
                         Forecasts forecasts, ReplenishmentPlanner planner, ReplenishmentPolicies policies,
                         MetricsProperties metrics, MeterRegistry registry) {
        this.network = network;
        this.catalog = catalog;
        this.inventory = inventory;
        this.forecasts = forecasts;
        this.planner = planner;
        this.policies = policies;
        this.metrics = metrics;
        Gauge.builder("maestro.stockout.risks", this, StockoutRisks::count)
                .description("SKUs at nodes whose ATP is below the forecast demand over the replenishment lead time")
                .register(registry);
    }

    /** The SKUs at nodes at risk now. */
    public List<Risk> now() {
        Map<String, List<String>> skusByNode = forecasts.skusForecastAtNodes(Bucket.DAY);
        List<Risk> risks = new ArrayList<>();
        skusByNode.forEach((nodeId, skus) -> {
            Node node = network.get(nodeId);
            Map<String, String> abc = planner.abcClasses(nodeId, skus);
            for (String sku : skus) {
                ReplenishmentPolicy policy = policies.decide(node.type().name(), catalog.get(sku).category(),
                        abc.get(sku));
                if (!policy.replenish() || policy.leadTimeDays() < 1) {
                    continue;
                }
                int days = Math.min(policy.leadTimeDays(), Bucket.DAY.maxHorizon());
                var leadTime = forecasts.demandOver(sku, nodeId, days);
                long demand = leadTime.demand().quantile(policy.serviceLevel());
                long atp = inventory.position(nodeId, sku).orElse(InventoryPosition.empty(nodeId, sku)).atp(0);
                if (atp < demand) {
                    risks.add(new Risk(nodeId, sku, atp, demand, days, policy.serviceLevel(),
                            leadTime.forecast().method()));
                }
            }
        });
        counted = new Counted(clock.instant(), risks.size());
        return risks;
    }

    private double count() {
        Counted last = counted;
        if (last == null || last.at().plus(metrics.refresh()).isBefore(clock.instant())) {
            return now().size();
        }
        return last.risks();
    }
}
