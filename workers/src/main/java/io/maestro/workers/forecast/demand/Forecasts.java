package io.maestro.workers.forecast.demand;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.db.Database;
import io.maestro.core.network.NetworkService;
import io.maestro.workers.forecast.DemandDistribution;
import io.maestro.workers.forecast.ForecastMethod;
import io.maestro.workers.forecast.LeadTimeModel;
import io.maestro.workers.forecast.LifeCycle;
import io.maestro.workers.forecast.MethodSelector;
import io.maestro.workers.forecast.NegativeBinomial;
import io.maestro.workers.forecast.SeriesForecast;
import io.maestro.workers.forecast.SimpleExponentialSmoothing;
import io.maestro.workers.forecast.TunedMethod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Demand forecasts per SKU at each node and network-wide, in days and weeks, from Maestro's own history
 * ({@link DemandHistory}; stockout buckets imputed). Each series gets the method its rolling-origin backtest
 * chooses ({@link MethodSelector}: SES, SBA, TSB, damped Holt, additive Holt-Winters, and SES with the
 * {@link LifeCycle} correction once {@link #refreshAll} has learned one across every SKU) with negative-binomial
 * demand around it; the result is stored and read back until the next refresh.
 */
@Service
public class Forecasts {

    /** Quantile levels of demand over the horizon in every answer. */
    public static final double[] LEVELS = {0.5, 0.8, 0.9, 0.95, 0.99};

    private static final int BACKTEST_ORIGINS = 8;
    private static final int PAGE = 500;
    /** The life-cycle correction is learned one bucket ahead, so the latest origins count too. */
    private static final int LIFE_CYCLE_HORIZON = 1;
    /** The longest region a forecast is kept for (the store's key holds a prefix and the region). */
    static final int MAX_REGION_LENGTH = 39;

    private final DemandHistory history;
    private final ForecastStore store;
    private final CatalogService catalog;
    private final NetworkService network;
    private final Database db;
    private final Map<Bucket, LifeCycle> lifeCycles = new ConcurrentHashMap<>();

    public Forecasts(DemandHistory history, ForecastStore store, CatalogService catalog, NetworkService network,
                     Database db) {
        this.history = history;
        this.store = store;
        this.catalog = catalog;
        this.network = network;
        this.db = db;
    }

    /** The daily forecast of a SKU at a node ({@code null}: network-wide) over {@code horizon} days. */
    public SkuForecast forSku(String sku, String nodeId, int horizon) {
        return forSku(sku, nodeId, Bucket.DAY, horizon);
    }

    /**
     * The forecast of a SKU at a node ({@code null}: network-wide) over {@code horizon} buckets, as last refreshed
     * (refreshed now when there is none yet).
     */
    public SkuForecast forSku(String sku, String nodeId, Bucket bucket, int horizon) {
        return forSku(sku, nodeId, null, bucket, horizon);
    }

    /**
     * As {@link #forSku(String, String, Bucket, int)}, or, with a {@code region} (and no node), of the orders shipped
     * to that region; a region no order went to forecasts nothing.
     */
    public SkuForecast forSku(String sku, String nodeId, String region, Bucket bucket, int horizon) {
        return answer(stored(sku, nodeId, region, bucket, horizon), horizon);
    }

    /** The forecast as last refreshed, without computing one that is missing (empty then). */
    public Optional<SkuForecast> storedForSku(String sku, String nodeId, Bucket bucket, int horizon) {
        return store.find(sku, nodeId, null, bucket).map(stored -> answer(stored, horizon));
    }

    /** The SKUs with a stored forecast in {@code bucket} at each node, by node id (both in order); nothing is computed. */
    public Map<String, List<String>> skusForecastAtNodes(Bucket bucket) {
        return store.skusByNode(bucket);
    }

    /** A ship-to region as demand is kept by: trimmed, upper case; {@code null} when blank or too long to keep. */
    public static String region(String shipToRegion) {
        if (shipToRegion == null || shipToRegion.isBlank()) {
            return null;
        }
        String region = shipToRegion.trim().toUpperCase(Locale.ROOT);
        return region.length() > MAX_REGION_LENGTH ? null : region;
    }

    /**
     * The demand of a SKU at a node over the next {@code days} days: the daily forecast and the distribution its
     * quantiles come from, for a quantile at any level (replenishment's order-up-to level).
     */
    public LeadTimeDemand demandOver(String sku, String nodeId, int days) {
        StoredForecast stored = stored(sku, nodeId, null, Bucket.DAY, days);
        return new LeadTimeDemand(answer(stored, days), distribution(stored, days));
    }

    private StoredForecast stored(String sku, String nodeId, String shipToRegion, Bucket bucket, int horizon) {
        catalog.get(sku);
        if (nodeId != null) {
            network.get(nodeId);
        }
        String region = region(shipToRegion);
        if (shipToRegion != null && (region == null || nodeId != null)) {
            throw new InvalidRequestException("region", nodeId != null ? "give a node or a region, not both"
                    : "must be 1 to " + MAX_REGION_LENGTH + " characters");
        }
        if (horizon < 1 || horizon > bucket.maxHorizon()) {
            throw new InvalidRequestException("horizon", "must be between 1 and " + bucket.maxHorizon() + " for "
                    + bucket.name().toLowerCase() + "s");
        }
        return store.find(sku, nodeId, region, bucket).orElseGet(() -> compute(sku, nodeId, region, bucket));
    }

    /**
     * Recomputes the SKU's forecasts at every node, for every region its orders went to and network-wide, in days
     * and weeks; the daily ones of the network and the nodes back.
     */
    public List<SkuForecast> refresh(String sku) {
        catalog.get(sku);
        List<SkuForecast> daily = new ArrayList<>();
        for (Bucket bucket : Bucket.values()) {
            for (StoredForecast stored : computeAll(sku, bucket)) {
                if (bucket == Bucket.DAY && stored.region() == null) {
                    daily.add(answer(stored, bucket.defaultHorizon()));
                }
            }
        }
        return daily;
    }

    /**
     * Learns the life-cycle correction of days and weeks from every SKU's network-wide history, then recomputes
     * every SKU's forecasts; the number of SKUs.
     */
    public int refreshAll() {
        List<String> skus = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Sku> page = catalog.page(null, offset, PAGE);
            page.forEach(sku -> skus.add(sku.sku()));
            if (page.size() < PAGE) {
                break;
            }
        }
        LocalDate today = db.now().toLocalDate();
        for (Bucket bucket : Bucket.values()) {
            List<double[]> histories = skus.stream()
                    .map(sku -> history.of(sku, bucket, today).network().imputed()).toList();
            lifeCycles.put(bucket, LifeCycle.learn(histories, lifeCycleBase(), LIFE_CYCLE_HORIZON, bucket.season()));
        }
        skus.forEach(this::refresh);
        return skus.size();
    }

    /** The life-cycle correction last learned for the bucket (none before the first {@link #refreshAll}). */
    public LifeCycle lifeCycle(Bucket bucket) {
        return lifeCycles.getOrDefault(bucket, LifeCycle.none());
    }

    private StoredForecast compute(String sku, String nodeId, String region, Bucket bucket) {
        SkuDemand demand = history.of(sku, bucket, db.now().toLocalDate());
        DemandSeries series = (region != null ? demand.inRegion(region) : demand.at(nodeId))
                .orElseGet(() -> new DemandSeries(demand.network().firstBucket(),
                        new double[bucket.historyBuckets()], new boolean[bucket.historyBuckets()]));
        StoredForecast stored = fit(sku, nodeId, region, bucket, series);
        store.save(stored);
        return stored;
    }

    private List<StoredForecast> computeAll(String sku, Bucket bucket) {
        SkuDemand demand = history.of(sku, bucket, db.now().toLocalDate());
        List<StoredForecast> all = new ArrayList<>();
        all.add(fit(sku, null, null, bucket, demand.network()));
        demand.byNode().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(node -> all.add(fit(sku, node.getKey(), null, bucket, node.getValue())));
        demand.byRegion().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(region -> all.add(fit(sku, null, region.getKey(), bucket, region.getValue())));
        all.forEach(store::save);
        return all;
    }

    StoredForecast fit(String sku, String nodeId, String region, Bucket bucket, DemandSeries series) {
        MethodSelector selector = new MethodSelector(candidates(bucket, lifeCycles.get(bucket)),
                LeadTimeModel.NEGATIVE_BINOMIAL, BACKTEST_ORIGINS, bucket.leadBuckets());
        SeriesForecast forecast = selector.forecast(series.imputed(), bucket.maxHorizon());
        DemandDistribution leadTime = forecast.leadTime();
        double dispersion = leadTime instanceof NegativeBinomial nb ? nb.dispersion() : 1;
        double backtest = forecast.backtestError();
        LocalDate firstBucket = bucket.plus(series.firstBucket(), series.units().length);
        return new StoredForecast(sku, nodeId, region, bucket, forecast.method(), forecast.parameters(),
                Double.isNaN(backtest) ? null : backtest, series.units().length, series.censoredBuckets(), dispersion,
                firstBucket, Arrays.stream(forecast.ahead()).boxed().toList(), db.now());
    }

    private static List<ForecastMethod> candidates(Bucket bucket, LifeCycle lifeCycle) {
        List<ForecastMethod> candidates = new ArrayList<>(MethodSelector.standardCandidates());
        candidates.add(TunedMethod.holtWinters(bucket.season()));
        if (lifeCycle != null) {
            candidates.add(lifeCycle.adjust(lifeCycleBase()));
        }
        return candidates;
    }

    /** The method the life-cycle correction is learned for and applied to (the car-parts benchmark's best). */
    private static ForecastMethod lifeCycleBase() {
        return new SimpleExponentialSmoothing(0.1);
    }

    private static NegativeBinomial distribution(StoredForecast stored, int horizon) {
        double total = stored.mean().subList(0, Math.min(horizon, stored.mean().size())).stream()
                .mapToDouble(Double::doubleValue).sum();
        return new NegativeBinomial(total, total * stored.dispersion());
    }

    private static SkuForecast answer(StoredForecast stored, int horizon) {
        List<Double> mean = stored.mean().subList(0, Math.min(horizon, stored.mean().size()));
        double total = mean.stream().mapToDouble(Double::doubleValue).sum();
        NegativeBinomial demand = distribution(stored, horizon);
        Map<String, Long> quantiles = new LinkedHashMap<>();
        for (double level : LEVELS) {
            quantiles.put(String.valueOf(level), demand.quantile(level));
        }
        return new SkuForecast(stored.sku(), stored.nodeId(), stored.region(), stored.bucket(), horizon, stored.firstBucket(), mean,
                total, quantiles, stored.method(), stored.parameters(), stored.backtestError(), stored.historyBuckets(),
                stored.censoredBuckets(), stored.computedAt());
    }
}
