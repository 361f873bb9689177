package io.maestro.workers.forecast.demand;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/**
 * The last forecast of each SKU per node (node {@value #NETWORK} for the network, {@value #REGION} and the region for
 * the orders shipped to a region) and bucket.
 */
@Repository
class ForecastStore {

    static final String NETWORK = "*";
    static final String REGION = "@";

    private static final String COLUMNS = "sku, node_id, bucket, method, parameters, backtest_error, history_buckets, "
            + "censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at";

    private final Database db;

    ForecastStore(Database db) {
        this.db = db;
    }

    /** Replaces the series' forecast; safe against a refresh of the same series at the same time. */
    void save(StoredForecast f) {
        Object[] values = {f.method(), parameters(f.parameters()), f.backtestError(), f.historyBuckets(),
            f.censoredBuckets(), f.dispersion(), f.firstBucket(), means(f.mean()), f.computedAt(), f.sku(), node(f),
            f.bucket().name()};
        String update = "update demand_forecast set method = ?, parameters = ?, backtest_error = ?, history_buckets = ?, "
                + "censored_buckets = ?, dispersion = ?, first_bucket = ?, mean_per_bucket = ?, computed_at = ? "
                + "where sku = ? and node_id = ? and bucket = ?";
        if (db.jdbc().update(update, values) == 0
                && !db.insertIfAbsent("insert into demand_forecast (method, parameters, backtest_error, history_buckets, "
                        + "censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at, sku, node_id, bucket) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)) {
            db.jdbc().update(update, values);
        }
    }

    Optional<StoredForecast> find(String sku, String nodeId, String region, Bucket bucket) {
        return db.jdbc().query("select " + COLUMNS + " from demand_forecast where sku = ? and node_id = ? and bucket = ?",
                ForecastStore::map, sku, key(nodeId, region), bucket.name()).stream().findFirst();
    }

    /** The SKUs with a stored forecast at each node (not network-wide, not a region's), by node id, both in order. */
    Map<String, List<String>> skusByNode(Bucket bucket) {
        Map<String, List<String>> skusByNode = new TreeMap<>();
        db.jdbc().query("select node_id, sku from demand_forecast where bucket = ? and node_id <> ? and node_id not like ? "
                        + "order by node_id, sku",
                rs -> {
                    skusByNode.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(rs.getString(2));
                }, bucket.name(), NETWORK, REGION + "%");
        return skusByNode;
    }

    List<StoredForecast> forSku(String sku) {
        return db.jdbc().query("select " + COLUMNS + " from demand_forecast where sku = ? order by bucket, node_id",
                ForecastStore::map, sku);
    }

    private static StoredForecast map(ResultSet rs, int row) throws SQLException {
        String node = rs.getString("node_id");
        double backtest = rs.getDouble("backtest_error");
        boolean region = node.startsWith(REGION);
        return new StoredForecast(rs.getString("sku"), NETWORK.equals(node) || region ? null : node,
                region ? node.substring(REGION.length()) : null,
                Bucket.valueOf(rs.getString("bucket")), rs.getString("method"), parameters(rs.getString("parameters")),
                rs.wasNull() ? null : backtest, rs.getInt("history_buckets"), rs.getInt("censored_buckets"),
                rs.getDouble("dispersion"), rs.getObject("first_bucket", LocalDate.class),
                Arrays.stream(rs.getString("mean_per_bucket").split(";")).map(Double::valueOf).toList(),
                rs.getObject("computed_at", OffsetDateTime.class));
    }

    private static String node(StoredForecast f) {
        return key(f.nodeId(), f.region());
    }

    private static String key(String nodeId, String region) {
        return nodeId != null ? nodeId : region != null ? REGION + region : NETWORK;
    }

    private static String means(List<Double> mean) {
        return mean.stream().map(value -> String.valueOf(Math.round(value * 1e4) / 1e4)).collect(Collectors.joining(";"));
    }

    private static String parameters(Map<String, Double> parameters) {
        return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    private static Map<String, Double> parameters(String text) {
        Map<String, Double> parameters = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(";")) {
                int at = pair.indexOf('=');
                parameters.put(pair.substring(0, at), Double.valueOf(pair.substring(at + 1)));
            }
        }
        return parameters;
    }
}
