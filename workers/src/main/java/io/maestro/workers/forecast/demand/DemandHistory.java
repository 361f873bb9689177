package io.maestro.workers.forecast.demand;

import io.maestro.core.db.Database;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A SKU's demand per bucket from what Maestro recorded, over the complete buckets before today (UTC):
 * <ul>
 *   <li>at a node: the units reserved there for order lines, by the day of the reservation, except reservations
 *   released (cancelled, or moved to another node — counted there);</li>
 *   <li>network-wide: the units ordered, by the day of the order, less line cancellations; of a cancelled order
 *   only what shipped;</li>
 *   <li>by region: the network-wide units by the order's ship-to region ({@link Forecasts#region}), censored where the
 *   network was (any node may serve a region);</li>
 *   <li>censored: a bucket with a day on which the SKU was not available to promise (on hand − reserved − safety
 *   stock ≤ 0, from the ledger) at that node, or summed over the nodes for the network — from the SKU's first
 *   entry in the ledger on (before it, the SKU was not stocked there, not out of stock).</li>
 * </ul>
 */
@Component
public class DemandHistory {

    private final Database db;

    public DemandHistory(Database db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public SkuDemand of(String sku, Bucket bucket, LocalDate today) {
        LocalDate end = bucket.start(today);
        LocalDate first = bucket.plus(end, -bucket.historyBuckets());
        int buckets = bucket.historyBuckets();
        int days = (int) (end.toEpochDay() - first.toEpochDay());
        OffsetDateTime from = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = end.atStartOfDay().atOffset(ZoneOffset.UTC);

        Map<String, double[]> nodeUnits = new HashMap<>();
        db.jdbc().query("select node_id, created_at, quantity from reservation where sku = ? and status <> 'RELEASED' "
                + "and created_at >= ? and created_at < ?", rs -> {
                    int index = bucket.index(first, day(rs.getObject(2, OffsetDateTime.class)));
                    nodeUnits.computeIfAbsent(rs.getString(1), n -> new double[buckets])[index] += rs.getLong(3);
                }, sku, from, to);

        double[] networkUnits = new double[buckets];
        Map<String, double[]> regionUnits = new HashMap<>();
        db.jdbc().query("select o.created_at, o.status, l.quantity, "
                + "(select coalesce(sum(c.quantity), 0) from order_line_cancellation c "
                + "where c.order_id = l.order_id and c.line_no = l.line_no), "
                + "(select coalesce(sum(r.quantity), 0) from reservation r "
                + "where r.order_id = l.order_id and r.line_no = l.line_no and r.status = 'CONSUMED'), "
                + "o.ship_to_region "
                + "from order_line l join orders o on o.id = l.order_id "
                + "where l.sku = ? and o.created_at >= ? and o.created_at < ?", rs -> {
                    long units = "CANCELLED".equals(rs.getString(2)) ? rs.getLong(5)
                            : Math.max(0, rs.getLong(3) - rs.getLong(4));
                    int index = bucket.index(first, day(rs.getObject(1, OffsetDateTime.class)));
                    networkUnits[index] += units;
                    String region = Forecasts.region(rs.getString(6));
                    if (region != null) {
                        regionUnits.computeIfAbsent(region, r -> new double[buckets])[index] += units;
                    }
                }, sku, from, to);

        Map<String, Long> available = new HashMap<>();
        db.jdbc().query("select node_id, sum(on_hand_delta - reserved_delta - safety_stock_delta) from inventory_ledger "
                + "where sku = ? and created_at < ? group by node_id",
                rs -> {
                    available.put(rs.getString(1), rs.getLong(2));
                }, sku, from);
        Map<String, boolean[]> nodeOut = new HashMap<>();
        boolean[] networkOut = new boolean[days];
        long[] networkAvailable = {available.values().stream().mapToLong(Long::longValue).sum()};
        int[] cursor = {0};
        db.jdbc().query("select node_id, on_hand_delta - reserved_delta - safety_stock_delta, created_at "
                + "from inventory_ledger where sku = ? and created_at >= ? and created_at < ? order by id", rs -> {
                    int dayIndex = (int) (day(rs.getObject(3, OffsetDateTime.class)).toEpochDay() - first.toEpochDay());
                    markUntil(cursor[0], dayIndex + 1, available, nodeOut, networkOut, networkAvailable[0], days);
                    cursor[0] = Math.max(cursor[0], dayIndex + 1);
                    String node = rs.getString(1);
                    long after = available.merge(node, rs.getLong(2), Long::sum);
                    networkAvailable[0] += rs.getLong(2);
                    if (after <= 0) {
                        nodeOut.computeIfAbsent(node, n -> new boolean[days])[dayIndex] = true;
                    }
                    if (networkAvailable[0] <= 0) {
                        networkOut[dayIndex] = true;
                    }
                }, sku, from, to);
        markUntil(cursor[0], days, available, nodeOut, networkOut, networkAvailable[0], days);

        TreeSet<String> nodes = new TreeSet<>(nodeUnits.keySet());
        nodes.addAll(available.keySet());
        nodes.addAll(db.jdbc().queryForList("select node_id from inventory_position where sku = ?", String.class, sku));
        Map<String, DemandSeries> byNode = new HashMap<>();
        for (String node : nodes) {
            byNode.put(node, new DemandSeries(first, nodeUnits.getOrDefault(node, new double[buckets]),
                    toBuckets(nodeOut.getOrDefault(node, new boolean[days]), bucket, buckets)));
        }
        boolean[] networkCensored = toBuckets(networkOut, bucket, buckets);
        Map<String, DemandSeries> byRegion = new HashMap<>();
        regionUnits.forEach((region, units) -> byRegion.put(region,
                new DemandSeries(first, units, networkCensored.clone())));
        return new SkuDemand(sku, bucket, byNode, new DemandSeries(first, networkUnits, networkCensored), byRegion);
    }

    /** Marks the days from {@code from} to {@code until} (exclusive) that start out of stock as things stand. */
    private static void markUntil(int from, int until, Map<String, Long> available, Map<String, boolean[]> nodeOut,
                                  boolean[] networkOut, long networkAvailable, int days) {
        for (int d = from; d < until && d < days; d++) {
            for (Map.Entry<String, Long> node : available.entrySet()) {
                if (node.getValue() <= 0) {
                    nodeOut.computeIfAbsent(node.getKey(), n -> new boolean[days])[d] = true;
                }
            }
            if (!available.isEmpty() && networkAvailable <= 0) {
                networkOut[d] = true;
            }
        }
    }

    private static boolean[] toBuckets(boolean[] daysOut, Bucket bucket, int buckets) {
        boolean[] censored = new boolean[buckets];
        int perBucket = daysOut.length / buckets;
        for (int d = 0; d < daysOut.length; d++) {
            censored[Math.min(buckets - 1, d / perBucket)] |= daysOut[d];
        }
        return censored;
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
