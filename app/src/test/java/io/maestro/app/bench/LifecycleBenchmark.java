package io.maestro.app.bench;

import io.maestro.app.Api;
import io.maestro.app.MaestroApplication;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.Node;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeType;
import io.maestro.core.order.EstimateDrift;
import io.maestro.core.order.OrderService;
import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maestro bench lifecycle [--orders N] [--clients C] [--db h2|postgres] [--speed S] [--engine untuned|tuned|compare]
 * [--history full|none]}:
 * N orders through the whole lifecycle — REST intake, order-fulfillment and shipment-execution with history full,
 * the allocation worker, the sandbox node systems and carriers answering over HTTP — on a fresh
 * Maestro started in this process. The baseline is the same path one order at a time (one client).
 * {@code --engine compare} (the default) does it all twice, each on a Maestro of its own: {@code tuned}, Maestro's
 * settings ({@link io.maestro.processes.AuditHistory}, {@link io.maestro.processes.TimeOrderedIds}), then
 * {@code untuned}, the engine as Camunda ships it (history full with every variable update and job logged,
 * {@code maestro.history.full-detail=true}; random UUIDs, {@code camunda.bpm.id-generator=strong}), and prints the
 * ratio of their CPU per order (tuned first, so what the JIT compiled during the first run helps the untuned one).
 * {@code --sql-statistics K} (H2) prints the K statements that took the most time in the measured run, and the write
 * transactions and statements per order by source ({@link CommitCounter}). {@code --h2 SETTINGS} appends settings
 * to the H2 database URL (e.g. {@code PAGE_SIZE=4096}). {@code --history none} runs the engine without history (the
 * runs are then named {@code tuned-history-none}): what all of the engine's history costs.
 * Prints a table and {@code RESULT} lines: orders/s and p50/p99 latency from intake to allocated and to
 * delivered, and where the time goes between the milestones.
 */
public final class LifecycleBenchmark {

    static final List<String> SKUS = List.of("TSHIRT-BLK-M", "TSHIRT-WHT-L", "HOODIE-GRY-M", "JEANS-IND-32",
            "CAP-BLK", "SOCK-CREW-WHT-M", "BAG-TOTE-NAT");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "500"));
        String engine = options.getOrDefault("engine", "compare");
        // Tuned first: the second Maestro in a JVM runs on code the first one's run already compiled.
        List<String> engines = engine.equals("compare") ? List.of("tuned", "untuned") : List.of(engine);
        if (!List.of("untuned", "tuned").containsAll(engines)) {
            throw new IllegalArgumentException("--engine untuned, tuned or compare, got " + engine);
        }
        Map<String, Run> measured = new LinkedHashMap<>();
        for (String e : engines) {
            measured.put(e, lifecycle(options, e));
        }
        if (measured.size() == 2) {
            Run untuned = measured.get("untuned");
            Run tuned = measured.get("tuned");
            System.out.println();
            System.out.printf(Locale.ROOT, "Engine tuned against untuned, %d orders each: CPU per order %.1f → %.1f ms (%.2f), "
                    + "orders/s %.1f → %.1f (%.2f)%n", orders, untuned.cpuMsPerOrder(), tuned.cpuMsPerOrder(),
                    tuned.cpuMsPerOrder() / untuned.cpuMsPerOrder(), untuned.ordersPerSecond(), tuned.ordersPerSecond(),
                    tuned.ordersPerSecond() / untuned.ordersPerSecond());
            System.out.printf(Locale.ROOT, "RESULT bench=lifecycle engine=tuned_vs_untuned ratio_cpu_ms_per_order=%.2f "
                    + "ratio_orders_per_s=%.2f%n", tuned.cpuMsPerOrder() / untuned.cpuMsPerOrder(),
                    tuned.ordersPerSecond() / untuned.ordersPerSecond());
        }
    }

    /** One Maestro, started fresh with the engine settings named, its baseline and its measured run; returns the measured run. */
    private static Run lifecycle(Map<String, String> options, String engineSettings) throws Exception {
        String history = options.getOrDefault("history", "full");
        String engine = history.equals("full") ? engineSettings : engineSettings + "-history-" + history;
        int orders = Integer.parseInt(options.getOrDefault("orders", "500"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        String db = options.getOrDefault("db", "h2");
        double speed = Double.parseDouble(options.getOrDefault("speed", "0.02"));
        Path dataDir = Files.createTempDirectory("maestro-bench-lifecycle");
        List<String> appArgs = appArguments(dataDir, db, speed);
        if (db.equals("h2") && options.containsKey("h2")) {
            appArgs.replaceAll(a -> a.startsWith("--spring.datasource.url=") ? a + ";" + options.get("h2") : a);
        }
        boolean sqlStatistics = db.equals("h2") && options.containsKey("sql-statistics");
        appArgs.add("--camunda.bpm.history-level=" + history);
        if (engineSettings.equals("untuned")) {
            appArgs.addAll(List.of("--maestro.history.full-detail=true", "--camunda.bpm.id-generator=strong"));
        }
        System.out.printf("%nStarting Maestro (%s, engine %s, sandbox day = %.3f s) ...%n", db, engine, speed);
        Class<?>[] sources = sqlStatistics ? new Class<?>[]{MaestroApplication.class, CommitCounter.class}
                : new Class<?>[]{MaestroApplication.class};
        try (ConfigurableApplicationContext app = SpringApplication.run(sources, appArgs.toArray(String[]::new))) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<String> skus = stock(app);
            Api api = new Api(port);

            Run baseline = run(api, jdbc, skus, Math.max(10, Math.min(40, orders / 10)), 1, "baseline");
            long[] fileWrites = null;
            if (sqlStatistics) {
                fileWrites = EngineWorkReport.startSqlStatistics(jdbc);
                CommitCounter.reset();
            }
            Run measured = run(api, jdbc, skus, orders, clients, "measured");
            if (sqlStatistics) {
                EngineWorkReport.printSqlStatistics(jdbc, orders, Integer.parseInt(options.get("sql-statistics")));
                CommitCounter.print(orders);
                EngineWorkReport.printFileWrites(jdbc, fileWrites, orders);
            }
            print(db, engine, orders, clients, baseline, measured);
            printEstimateDrift(db, app.getBean(OrderService.class).estimateDrift());
            printDriftCauses(jdbc);
            EngineWorkReport.printEngineWork(jdbc, baseline.orders() + measured.orders(), engine);
            return measured;
        } finally {
            forgetFetchAndLockHandler();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * The engine REST keeps its long-polling fetch-and-lock handler in a static field and stops it when its web
     * application closes, but starts a new one only while the field is empty: without this, the next Maestro started
     * in this JVM answered the allocation worker's fetches only when they timed out.
     */
    private static void forgetFetchAndLockHandler() throws ReflectiveOperationException {
        java.lang.reflect.Field handler = FetchAndLockContextListener.class.getDeclaredField("fetchAndLockHandler");
        handler.setAccessible(true);
        handler.set(null, null);
    }

    /**
     * A benchmark's Maestro: a random port, the data directory given, sandbox partners that never reject or delay at
     * {@code speed} seconds per simulated day, no webapps; on the default run's H2 file database or a fresh embedded
     * PostgreSQL database.
     */
    static List<String> appArguments(Path dataDir, String db, double speed) {
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--maestro.data-dir=" + dataDir,
                "--maestro.sandbox.speed=" + speed, "--maestro.sandbox.rejection-rate=0", "--maestro.sandbox.delay-rate=0",
                "--maestro.sandbox.mail.port=0", "--maestro.mqtt.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--camunda.bpm.webapp.enabled=false"));
        if (db.equals("h2")) {
            appArgs.add("--spring.datasource.url=" + h2FileUrl(dataDir));
        } else {
            appArgs.addAll(List.of("--spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabaseUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver"));
        }
        return appArgs;
    }

    /** {@code cpuMsPerOrder}: CPU time of the whole process (Maestro, sandbox partners, this client) per order. */
    record Run(String name, int orders, int clients, double seconds, double ordersPerSecond, long[] toAllocatedMs,
               long[] toDeliveredMs, Map<String, Double> meanStepMs, int notDelivered, double cpuMsPerOrder) {
    }

    /**
     * The default run's database URL from application.yaml (an H2 file under the data directory): named here
     * because the test classpath also carries core's test properties, whose in-memory database would win.
     */
    public static String h2FileUrl(Path dataDir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        return yaml.getObject().getProperty("spring.datasource.url")
                .replace("${maestro.data-dir}", dataDir.toAbsolutePath().toString());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Run run(Api api, JdbcTemplate jdbc, List<String> skus, int orders, int clients, String name)
            throws Exception {
        Instant start = Instant.now();
        long cpuStart = processCpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String sku = skus.get(i % skus.size());
            String channelOrderId = name + "-" + i + "-" + System.nanoTime();
            placed.add(pool.submit(() -> place(api, sku, channelOrderId)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : placed) {
            ids.add(f.get());
        }
        pool.shutdown();
        long waitSeconds = Long.getLong("maestro.bench.wait-seconds", 120 + orders / 5);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
        List<String> open = ids;
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            open = undelivered(jdbc, open);
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpuMsPerOrder = (processCpuNanos() - cpuStart) / 1e6 / orders;
        return new Run(name, orders, clients, seconds, (orders - open.size()) / seconds,
                latencies(jdbc, ids, "ALLOCATED"), latencies(jdbc, ids, "DELIVERED"), steps(jdbc, ids), open.size(), cpuMsPerOrder);
    }

    /** Destinations near and far (every carrier zone from the demo DCs), city, state and ZIP code. */
    private static final List<List<String>> DESTINATIONS = List.of(
            List.of("Brooklyn", "NY", "11201"), List.of("Olean", "NY", "14760"), List.of("Boston", "MA", "02108"),
            List.of("Philadelphia", "PA", "19103"), List.of("Chicago", "IL", "60601"), List.of("Atlanta", "GA", "30303"),
            List.of("Dallas", "TX", "75201"), List.of("Denver", "CO", "80202"), List.of("San Francisco", "CA", "94103"),
            List.of("Seattle", "WA", "98101"));
    private static final List<String> PREFERENCES = List.of("BALANCED", "CHEAPEST", "FASTEST", "GREEN");

    /** An order of one SKU to one of {@link #DESTINATIONS}, 1–3 units, every fifth customer a VIP, preferences in turn. */
    private static String place(Api api, String sku, String channelOrderId) {
        int n = Math.abs(channelOrderId.hashCode());
        List<String> to = DESTINATIONS.get(n % DESTINATIONS.size());
        Map<String, Object> order = Map.of("channel", "WEB", "channelOrderId", channelOrderId,
                "customer", Map.of("id", "C-" + channelOrderId.hashCode(), "tier", n % 5 == 0 ? "VIP" : "STANDARD",
                        "email", "bench@example.com"),
                "shipTo", Map.of("name", "Bench", "line1", "10 Main St", "city", to.get(0), "region", to.get(1),
                        "postalCode", to.get(2), "country", "US"),
                "deliveryOption", "SHIP", "preference", PREFERENCES.get(n / 7 % PREFERENCES.size()), "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", 1 + n / 3 % 3, "unitPrice", 19.90)));
        Api.Response response = api.post("/api/orders", order, Api.INTEGRATION);
        if (response.status() != 201) {
            throw new IllegalStateException("Intake refused an order: " + response.status() + " " + response.body());
        }
        return response.json().path("orderId").asText();
    }

    /** Plenty of every benchmark SKU at every DC, so no order waits for stock. */
    static List<String> stock(ConfigurableApplicationContext app) {
        InventoryLedger ledger = app.getBean(InventoryLedger.class);
        for (Node node : app.getBean(NetworkService.class).all()) {
            if (node.type() == NodeType.DC) {
                for (String sku : SKUS) {
                    ledger.adjust(new Adjustment("bench-" + node.id() + "-" + sku, node.id(), sku, null, 1_000_000L, null,
                            "benchmark stock"), "bench");
                }
            }
        }
        return SKUS;
    }

    /** Milliseconds from intake to the first timeline entry of the type (ALLOCATED) or status (DELIVERED). */
    private static long[] latencies(JdbcTemplate jdbc, List<String> ids, String milestone) {
        String column = milestone.equals("ALLOCATED") ? "e.type" : "e.status";
        List<Long> values = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            jdbc.query(("select o.created_at, min(e.occurred_at) from orders o join order_event e on e.order_id = o.id "
                    + "where " + column + " = ? and o.id in (%s) group by o.id, o.created_at")
                    .formatted(placeholders(chunk.size())), rs -> {
                        values.add(Duration.between(rs.getObject(1, java.time.OffsetDateTime.class),
                                rs.getObject(2, java.time.OffsetDateTime.class)).toMillis());
                    }, args(milestone, chunk));
        }
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Mean milliseconds between consecutive milestones of an order: where the time goes. */
    private static Map<String, Double> steps(JdbcTemplate jdbc, List<String> ids) {
        Map<String, List<Long>> byStep = new HashMap<>();
        String[] milestones = {"ORDER_RECEIVED", "DECISION", "ALLOCATED", "LABEL_PURCHASED"};
        for (List<String> chunk : chunks(ids)) {
            jdbc.query(("select order_id, type, status, occurred_at from order_event where order_id in (%s) order by order_id, id")
                    .formatted(placeholders(chunk.size())), rs -> {
                        String key = rs.getString(2).equals("MESSAGE") ? null : rs.getString(2);
                        if (rs.getString(3) != null && rs.getString(3).equals("DELIVERED")) {
                            key = "DELIVERED";
                        }
                        if (key != null) {
                            byStep.computeIfAbsent(rs.getString(1) + "|" + key, k -> new ArrayList<>())
                                    .add(rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toEpochMilli());
                        }
                    }, chunk.toArray());
        }
        Map<String, Double> mean = new java.util.LinkedHashMap<>();
        String[] order = {milestones[0], milestones[1], milestones[2], milestones[3], "DELIVERED"};
        for (int i = 1; i < order.length; i++) {
            String from = order[i - 1];
            String to = order[i];
            mean.put(from + "→" + to, ids.stream().mapToLong(id -> {
                List<Long> a = byStep.get(id + "|" + from);
                List<Long> b = byStep.get(id + "|" + to);
                return a == null || b == null ? -1 : b.get(0) - a.get(0);
            }).filter(v -> v >= 0).average().orElse(Double.NaN));
        }
        return mean;
    }

    private static void print(String db, String engine, int orders, int clients, Run baseline, Run measured) {
        System.out.println();
        System.out.printf("%-9s %7s %7s %9s %10s %10s %10s %10s %8s %12s%n", "run", "orders", "clients", "orders/s",
                "alloc p50", "alloc p99", "deliv p50", "deliv p99", "late", "CPU ms/order");
        for (Run r : List.of(baseline, measured)) {
            System.out.printf(Locale.ROOT, "%-9s %7d %7d %9.1f %8d ms %8d ms %8d ms %8d ms %8d %12.1f%n", r.name(),
                    r.orders(), r.clients(), r.ordersPerSecond(), pct(r.toAllocatedMs(), 50), pct(r.toAllocatedMs(), 99),
                    pct(r.toDeliveredMs(), 50), pct(r.toDeliveredMs(), 99), r.notDelivered(), r.cpuMsPerOrder());
        }
        System.out.println();
        System.out.println("Where the time goes (mean per order, measured run):");
        measured.meanStepMs().forEach((step, ms) -> System.out.printf(Locale.ROOT, "  %-32s %8.1f ms%n", step, ms));
        for (Run r : List.of(baseline, measured)) {
            System.out.printf(Locale.ROOT, "RESULT bench=lifecycle db=%s engine=%s run=%s orders=%d clients=%d orders_per_s=%.1f "
                            + "p50_allocated_ms=%d p99_allocated_ms=%d p50_delivered_ms=%d p99_delivered_ms=%d "
                            + "not_delivered=%d wall_s=%.1f cpu_ms_per_order=%.1f%n", db, engine, r.name(), r.orders(), r.clients(),
                    r.ordersPerSecond(), pct(r.toAllocatedMs(), 50), pct(r.toAllocatedMs(), 99), pct(r.toDeliveredMs(), 50),
                    pct(r.toDeliveredMs(), 99), r.notDelivered(), r.seconds(), r.cpuMsPerOrder());
        }
        System.out.printf(Locale.ROOT, "RESULT bench=lifecycle db=%s engine=%s ratio_orders_per_s_vs_baseline=%.2f%n", db, engine,
                measured.ordersPerSecond() / baseline.ordersPerSecond());
    }

    /** Allocation's carrier estimate against the label bought, over every shipment of both runs. */
    private static void printEstimateDrift(String db, EstimateDrift drift) {
        System.out.printf(Locale.ROOT, "%nEstimate vs label: %d shipments, %d (%.2f %%) within 1 %%, mean |drift| %.3f %%, "
                        + "largest %.2f %%; estimated %s, labels %s%n", drift.shipments(), drift.withinOnePercent(),
                100 * drift.shareWithinOnePercent(), drift.meanAbsPercent(), drift.maxAbsPercent(), drift.estimated(),
                drift.labels());
        System.out.printf(Locale.ROOT, "RESULT bench=lifecycle db=%s estimate_drift_shipments=%d within_1pct=%d "
                        + "within_1pct_share=%.4f mean_abs_drift_pct=%.3f max_abs_drift_pct=%.2f target_share=0.99 met=%s%n",
                db, drift.shipments(), drift.withinOnePercent(), drift.shareWithinOnePercent(), drift.meanAbsPercent(),
                drift.maxAbsPercent(), drift.shipments() > 0 && drift.shareWithinOnePercent() >= 0.99);
    }

    /** The labels more than 1 % off their estimate, by planned and bought service. */
    private static void printDriftCauses(JdbcTemplate jdbc) {
        jdbc.query("select estimated_carrier || ' ' || estimated_service, carrier || ' ' || service, count(*), "
                + "avg((label_cost - estimated_cost) * 100.0 / estimated_cost) from shipment where estimated_cost > 0 "
                + "and label_cost is not null and abs(label_cost - estimated_cost) > 0.01 * estimated_cost "
                + "group by estimated_carrier, estimated_service, carrier, service order by count(*) desc",
                rs -> {
                    System.out.printf(Locale.ROOT, "  planned %-20s bought %-20s %5d shipments, mean drift %+.2f %%%n",
                            rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4));
                });
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The orders not yet delivered; each poll asks only about those the last one found open. */
    private static List<String> undelivered(JdbcTemplate jdbc, List<String> ids) {
        List<String> open = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            open.addAll(jdbc.queryForList("select id from orders where status <> 'DELIVERED' and id in (%s)"
                    .formatted(placeholders(chunk.size())), String.class, chunk.toArray()));
        }
        return open;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] args(String first, List<String> rest) {
        Object[] args = new Object[rest.size() + 1];
        args[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            args[i + 1] = rest.get(i);
        }
        return args;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private LifecycleBenchmark() {
    }
}
