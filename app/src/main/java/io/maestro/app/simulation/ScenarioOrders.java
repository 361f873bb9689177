package io.maestro.app.simulation;

import io.maestro.core.geo.Address;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Preference;
import io.maestro.core.order.SalesChannels;
import io.maestro.workers.geo.CityTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Generates a scenario's orders, the same for the same seed and the same stocked SKUs: customers where people live
 * (US places by population, GeoNames), each at the ZIP code centroid nearest its place (US Census ZCTA); SKUs by a
 * Zipf popularity over the SKUs in stock; 1–5 lines of 1–3 units; tiers, preferences and channels in fixed shares;
 * arrival times along the day's hourly curve. Generated orders are never stored.
 */
@Component
@ConditionalOnWebApplication
public class ScenarioOrders {

    /** Share of a normal day's orders in each hour (UTC): quiet nights, a lunchtime and an evening peak. */
    static final double[] NORMAL_DAY = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3.5, 4.5, 5, 5.5, 6, 6, 5.5, 5, 5, 5.5, 6.5, 7.5,
            8, 7, 5, 2.5};
    /** Black Friday: the midnight door-busters, a strong morning and the evening peak, far above a normal day. */
    static final double[] BLACK_FRIDAY = {9, 7, 3, 1.5, 1, 1.5, 3, 5, 7, 8, 8.5, 8, 7.5, 7, 7, 7, 7.5, 8.5, 10, 11, 11, 9,
            6, 4};
    static final int DEFAULT_ORDERS = 1000;
    static final double DEFAULT_MULTIPLIER = 7;
    static final double DEFAULT_SURGE_SHARE = 0.5;
    private static final String ZIP_RESOURCE = "/geo/us-zip-centroids.csv.gz";

    private final InventoryQueries inventory;
    private final SalesChannels channels;
    private volatile CityTable cities;
    private volatile Map<String, List<Zip>> zipsByState;
    private final Map<CityTable.City, Zip> nearest = new java.util.concurrent.ConcurrentHashMap<>();

    public ScenarioOrders(InventoryQueries inventory, SalesChannels channels) {
        this.inventory = inventory;
        this.channels = channels;
    }

    /** The orders of a scenario: {@code orders} (×{@code volumeMultiplier} on Black Friday) from {@code seed}. */
    public List<Order> generate(SimulationRequest.Source source) {
        Scenario scenario = Scenario.named(source.scenario());
        int base = source.orders() == null ? DEFAULT_ORDERS : source.orders();
        double multiplier = source.volumeMultiplier() == null ? DEFAULT_MULTIPLIER : source.volumeMultiplier();
        int count = scenario == Scenario.BLACK_FRIDAY ? (int) Math.round(base * multiplier) : base;
        long seed = source.seed() == null ? 1 : source.seed();
        Random random = new Random(seed);
        List<String> skus = stockedSkus(random);
        double[] popularity = cumulative(skus.size(), i -> 1.0 / (i + 1));
        double[] hours = cumulative(24, scenario == Scenario.BLACK_FRIDAY ? h -> BLACK_FRIDAY[h] : h -> NORMAL_DAY[h]);
        List<String> channelNames = new ArrayList<>(new TreeSet<>(channels.all()));
        String surgeRegion = scenario == Scenario.REGIONAL_SURGE ? (source.region() == null ? "NY" : source.region()) : null;
        double surgeShare = source.surgeShare() == null ? DEFAULT_SURGE_SHARE : source.surgeShare();
        OffsetDateTime day = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<Order> orders = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            CityTable.City city = city(random, surgeRegion != null && random.nextDouble() < surgeShare ? surgeRegion : null);
            Zip zip = nearestZip(city);
            Address shipTo = new Address("Customer " + n, n + " Main St", null, city.name(), city.state(), zip.code(), "US");
            List<OrderLine> lines = lines(random, skus, popularity);
            BigDecimal total = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            OffsetDateTime at = day.plusHours(pick(random, hours)).plusSeconds(random.nextInt(3600));
            String id = "SIM-" + seed + "-" + n;
            orders.add(new Order(id, channel(random, channelNames), id, new Customer("SIM-C-" + random.nextInt(count * 2 + 1),
                    tier(random), null), shipTo, zip.latitude(), zip.longitude(), DeliveryOption.SHIP,
                    null, preference(random), random.nextDouble() < 0.05, OrderStatus.RECEIVED, total, at, at, lines, List.of()));
        }
        orders.sort(java.util.Comparator.comparing(Order::createdAt).thenComparing(Order::orderId));
        return orders;
    }

    /** The SKUs ordered most in {@code orders}, most first (ties by SKU). */
    static List<String> topSkus(List<Order> orders, int count) {
        Map<String, Integer> units = new TreeMap<>();
        orders.forEach(o -> o.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum)));
        return units.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(count).map(Map.Entry::getKey).toList();
    }

    /** SKUs with units on hand somewhere, in a seeded order that sets their popularity. */
    private List<String> stockedSkus(Random random) {
        List<String> skus = new ArrayList<>(new TreeSet<>(inventory.all().stream().filter(p -> p.onHand() > 0)
                .map(InventoryPosition::sku).toList()));
        if (skus.isEmpty()) {
            throw new IllegalStateException("No SKU has stock: a scenario needs stock to order from");
        }
        Collections.shuffle(skus, random);
        return skus;
    }

    private List<OrderLine> lines(Random random, List<String> skus, double[] popularity) {
        double r = random.nextDouble();
        int count = Math.min(skus.size(), r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4 + random.nextInt(2));
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String sku = skus.get(pick(random, popularity));
            if (!chosen.contains(sku)) {
                chosen.add(sku);
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            double q = random.nextDouble();
            lines.add(new OrderLine(i + 1, chosen.get(i), q < 0.8 ? 1 : q < 0.95 ? 2 : 3, price(chosen.get(i))));
        }
        return lines;
    }

    /** A SKU's price in the scenario: $9.90–$149.90, the same for the same SKU. */
    private static BigDecimal price(String sku) {
        return BigDecimal.valueOf(990 + Math.floorMod(sku.hashCode(), 14) * 1000, 2).setScale(2, RoundingMode.HALF_UP);
    }

    private CityTable.City city(Random random, String state) {
        CityTable table = cityTable();
        CityTable.City city = table.sample(random);
        for (int i = 0; state != null && !city.state().equals(state) && i < 100_000; i++) {
            city = table.sample(random);
        }
        return city;
    }

    private static String channel(Random random, List<String> names) {
        if (names.contains("WEB") && (names.size() == 1 || random.nextDouble() < 0.7)) {
            return "WEB";
        }
        List<String> others = names.stream().filter(n -> !n.equals("WEB")).toList();
        return others.isEmpty() ? names.get(0) : others.get(random.nextInt(others.size()));
    }

    private static CustomerTier tier(Random random) {
        double r = random.nextDouble();
        return r < 0.80 ? CustomerTier.STANDARD : r < 0.95 ? CustomerTier.PREMIUM : CustomerTier.VIP;
    }

    private static Preference preference(Random random) {
        double r = random.nextDouble();
        return r < 0.55 ? Preference.BALANCED : r < 0.75 ? Preference.CHEAPEST : r < 0.90 ? Preference.FASTEST
                : Preference.GREEN;
    }

    private static double[] cumulative(int n, java.util.function.IntToDoubleFunction weight) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += weight.applyAsDouble(i);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(Random random, double[] cumulative) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private CityTable cityTable() {
        if (cities == null) {
            cities = CityTable.load();
        }
        return cities;
    }

    /** A ZIP code and its centroid. */
    private record Zip(String code, double latitude, double longitude) {
    }

    /** The ZIP code whose centroid is nearest the place, in the place's state. */
    private Zip nearestZip(CityTable.City city) {
        return nearest.computeIfAbsent(city, c -> {
            Zip best = new Zip(null, c.location().latitude(), c.location().longitude());
            double bestDistance = Double.MAX_VALUE;
            double cos = Math.cos(Math.toRadians(c.location().latitude()));
            for (Zip zip : zips().getOrDefault(c.state(), List.of())) {
                double dLat = zip.latitude() - c.location().latitude();
                double dLon = (zip.longitude() - c.location().longitude()) * cos;
                double distance = dLat * dLat + dLon * dLon;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = zip;
                }
            }
            return best;
        });
    }

    private Map<String, List<Zip>> zips() {
        if (zipsByState == null) {
            Map<String, List<Zip>> byState = new HashMap<>();
            try (InputStream raw = ScenarioOrders.class.getResourceAsStream(ZIP_RESOURCE)) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                        StandardCharsets.US_ASCII));
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] cols = line.split(",");
                    byState.computeIfAbsent(cols[3], k -> new ArrayList<>()).add(new Zip(cols[0], Double.parseDouble(cols[1]),
                            Double.parseDouble(cols[2])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            zipsByState = byState;
        }
        return zipsByState;
    }
}
