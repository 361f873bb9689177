package io.maestro.app.bench;

import io.maestro.app.Api;
import io.maestro.app.OrderStory;
import io.maestro.app.durability.ChildMaestro;
import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./maestro bench scale-out [--orders 200] [--clients 8]}: Maestro nodes sharing one PostgreSQL (embedded),
 * each in a JVM of its own. Baseline: one node (engine, job executor, partner events, allocation worker) takes and
 * carries N orders. Scaled: two nodes and a standalone allocation worker carry the same N orders on a fresh database,
 * the clients sending to both nodes. Both runs report orders/s and orders per CPU-second (of every JVM of the run
 * and PostgreSQL), and their ratio. Then the kill: N more orders to both nodes, node 2 is killed with SIGKILL
 * halfway, the clients send what node 2 did not answer to node 1, and node 1 must finish every order: each
 * acknowledged order delivered, no shipment dispatched twice, each reservation consumed once, the ledger adding up
 * to the positions. On a machine with fewer cores than JVMs the ratio shows the cost of coordination, not speed-up.
 */
public final class ScaleOutBenchmark {

    private static final List<String> SKUS = List.of("TSHIRT-BLK-M", "HOODIE-GRY-M", "JEANS-IND-32", "CAP-BLK");
    /** Job and external-task locks of a killed node expire after this long; the survivor then takes its work. */
    private static final int LOCK_MILLIS = 20_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LifecycleBenchmark.options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "200"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        Path dir = Files.createTempDirectory("maestro-bench-scale-out");
        System.out.printf("Logs under %s%n", dir);

        Result one;
        String database = EmbeddedPostgresDatabase.newDatabaseUrl();
        ProcessCpu.watchPostgres(database);
        ChildMaestro single = node(dir, "single", database, true, null);
        try {
            stock(new Api(single.port));
            one = run("one node", jdbc(database), List.of(new Api(single.port)), orders, clients, "ONE");
        } finally {
            single.stop();
        }

        Result two;
        Result kill;
        database = EmbeddedPostgresDatabase.newDatabaseUrl();
        ChildMaestro node1 = node(dir, "node1", database, true, null);
        ChildMaestro node2 = node(dir, "node2", database, false, "http://localhost:" + node1.port);
        ChildMaestro worker = worker(dir, database, node2.port);
        try {
            JdbcTemplate jdbc = jdbc(database);
            stock(new Api(node1.port));
            two = run("two nodes + worker", jdbc, List.of(new Api(node1.port), new Api(node2.port)), orders, clients, "TWO");
            kill = killRun(jdbc, node1, node2, orders, clients);
        } finally {
            worker.stop();
            node2.kill();
            node1.stop();
        }
        print(one, two, kill);
    }

    /** Plenty of the bench's SKUs at both New York DCs, so no order waits for stock. */
    private static void stock(Api api) {
        for (String dc : List.of("DC-BROOKLYN", "DC-OLEAN")) {
            for (String sku : SKUS) {
                Api.Response response = api.post("/api/inventory/adjustments", Map.of("eventId", "bench-" + dc + "-" + sku,
                        "nodeId", dc, "sku", sku, "delta", 100_000, "reason", "benchmark stock"), Api.INTEGRATION);
                if (response.status() / 100 != 2) {
                    throw new IllegalStateException("Stock adjustment refused: " + response.status() + " " + response.body());
                }
            }
        }
    }

    record Result(String name, int acknowledged, int delivered, double seconds, double cpuSeconds,
                  double postgresCpuSeconds, List<String> problems) {

        double ordersPerSecond() {
            return delivered / seconds;
        }

        double ordersPerCpuSecond() {
            return delivered / cpuSeconds;
        }
    }

    private static Result run(String name, JdbcTemplate jdbc, List<Api> apis, int orders, int clients, String prefix)
            throws Exception {
        System.out.printf("%s: %d orders from %d clients ...%n", name, orders, clients);
        long cpu = ProcessCpu.millis();
        long postgres = ProcessCpu.postgresMillis();
        Instant start = Instant.now();
        List<String> ids = send(apis, orders, clients, prefix, null);
        List<String> open = awaitDelivered(jdbc, ids);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpuSeconds = (ProcessCpu.millis() - cpu) / 1000.0;
        double postgresSeconds = (ProcessCpu.postgresMillis() - postgres) / 1000.0;
        return new Result(name, ids.size(), ids.size() - open.size(), seconds, cpuSeconds, postgresSeconds,
                checks(jdbc, open));
    }

    /** Orders to both nodes; node 2 is killed once half are acknowledged; what it did not answer goes to node 1. */
    private static Result killRun(JdbcTemplate jdbc, ChildMaestro node1, ChildMaestro node2, int orders, int clients)
            throws Exception {
        System.out.printf("kill -9 of node 2 halfway through %d orders ...%n", orders);
        long cpu = ProcessCpu.millis();
        long postgres = ProcessCpu.postgresMillis();
        Instant start = Instant.now();
        AtomicBoolean killed = new AtomicBoolean();
        Runnable killHalfway = () -> {
            if (killed.compareAndSet(false, true)) {
                try {
                    node2.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        List<String> ids = send(List.of(new Api(node1.port), new Api(node2.port)), orders, clients, "KILL",
                new Halfway(orders / 2, killHalfway));
        List<String> open = awaitDelivered(jdbc, ids);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpuSeconds = (ProcessCpu.millis() - cpu) / 1000.0;
        double postgresSeconds = (ProcessCpu.postgresMillis() - postgres) / 1000.0;
        return new Result("kill -9 node 2", ids.size(), ids.size() - open.size(), seconds, cpuSeconds, postgresSeconds,
                checks(jdbc, open));
    }

    /** Calls {@code action} once, when the {@code after}-th order has been acknowledged. */
    record Halfway(int after, Runnable action) {
    }

    private static List<String> send(List<Api> apis, int orders, int clients, String prefix, Halfway halfway)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger acknowledged = new AtomicInteger();
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                int n = i;
                placed.add(pool.submit(() -> {
                    String id = place(apis, n, prefix);
                    if (halfway != null && acknowledged.incrementAndGet() == halfway.after()) {
                        halfway.action().run();
                    }
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : placed) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /** To the node whose turn it is; a node that does not answer (killed) is skipped: the next one gets the order. */
    private static String place(List<Api> apis, int n, String prefix) {
        Map<String, Object> order = Map.of("channel", "WEB", "channelOrderId", prefix + "-" + n,
                "customer", Map.of("id", "C-" + n, "tier", "STANDARD", "email", "c" + n + "@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "CHEAPEST", "shipComplete", true,
                "lines", List.of(Map.of("sku", SKUS.get(n % SKUS.size()), "quantity", 1, "unitPrice", 19.90),
                        Map.of("sku", SKUS.get((n + 1) % SKUS.size()), "quantity", 1, "unitPrice", 29.90)));
        RuntimeException last = null;
        for (int attempt = 0; attempt < 2 * apis.size(); attempt++) {
            try {
                Api.Response response = apis.get((n + attempt) % apis.size()).post("/api/orders", order, Api.INTEGRATION);
                if (response.status() == 201 || response.status() == 200) {
                    return response.json().get("orderId").asText();
                }
                last = new IllegalStateException("order " + n + ": " + response.status() + " " + response.body());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Waits until every order is delivered or nothing moved for two minutes; returns those not delivered. */
    private static List<String> awaitDelivered(JdbcTemplate jdbc, List<String> ids) throws InterruptedException {
        long lastEvents = -1;
        Instant lastMove = Instant.now();
        while (true) {
            List<String> open = new ArrayList<>();
            for (String id : ids) {
                if (!"DELIVERED".equals(jdbc.queryForObject("select status from orders where id = ?", String.class, id))) {
                    open.add(id);
                }
            }
            long events = jdbc.queryForObject("select count(*) from order_event", Long.class);
            if (events != lastEvents) {
                lastEvents = events;
                lastMove = Instant.now();
            }
            ProcessCpu.sample();
            if (open.isEmpty() || Duration.between(lastMove, Instant.now()).toSeconds() > 120) {
                return open;
            }
            Thread.sleep(500);
        }
    }

    /** What must hold after every run: nothing lost, nothing done twice, stock adding up. */
    private static List<String> checks(JdbcTemplate jdbc, List<String> notDelivered) {
        List<String> problems = new ArrayList<>();
        if (!notDelivered.isEmpty()) {
            problems.add(notDelivered.size() + " acknowledged orders not delivered, e.g. " + notDelivered.get(0));
            notDelivered.stream().limit(5).forEach(id -> describe(jdbc, id));
        }
        jdbc.queryForList("select order_id from order_event where type = 'ALLOCATED' group by order_id "
                + "having count(*) > 1", String.class).stream().limit(3).forEach(id -> describe(jdbc, id));
        problem(problems, "shipments dispatched twice", jdbc.queryForObject("select count(*) from (select shipment_id "
                + "from partner_event where type = 'ShipmentDispatched' group by shipment_id having count(*) > 1) t", Long.class));
        problem(problems, "orders allocated twice", jdbc.queryForObject("select count(*) from (select order_id "
                + "from order_event where type = 'ALLOCATED' group by order_id having count(*) > 1) t", Long.class));
        problem(problems, "consumptions without one consumed reservation each", Math.abs(
                jdbc.queryForObject("select count(*) from inventory_ledger where entry_type = 'CONSUME'", Long.class)
                        - jdbc.queryForObject("select count(*) from reservation where status = 'CONSUMED'", Long.class)));
        problem(problems, "units reserved by no active reservation", Math.abs(
                jdbc.queryForObject("select coalesce(sum(reserved), 0) from inventory_position", Long.class)
                        - jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation where status = 'ACTIVE'",
                        Long.class)));
        problem(problems, "positions the ledger does not add up to", jdbc.queryForObject("select count(*) from "
                + "inventory_position p left join (select node_id, sku, sum(on_hand_delta) on_hand, sum(reserved_delta) "
                + "reserved from inventory_ledger group by node_id, sku) l on l.node_id = p.node_id and l.sku = p.sku "
                + "where p.on_hand <> coalesce(l.on_hand, 0) or p.reserved <> coalesce(l.reserved, 0)", Long.class));
        problem(problems, "incidents", jdbc.queryForObject("select count(*) from act_ru_incident", Long.class));
        return problems;
    }

    /** An order's status, its last timeline entries and where its processes wait, for the report. */
    private static void describe(JdbcTemplate jdbc, String orderId) {
        System.out.printf("  %s %s: %s%n", orderId, jdbc.queryForObject("select status from orders where id = ?",
                String.class, orderId), new OrderStory(jdbc).of(orderId));
    }

    private static void problem(List<String> problems, String what, long count) {
        if (count != 0) {
            problems.add(count + " " + what);
        }
    }

    private static void print(Result one, Result two, Result kill) {
        System.out.println();
        System.out.printf("%-20s %6s %9s %8s %9s %8s %8s %12s  %s%n", "run", "orders", "delivered", "wall s", "orders/s",
                "CPU s", "of it PG", "orders/CPU-s", "checks");
        for (Result r : List.of(one, two, kill)) {
            System.out.printf(Locale.ROOT, "%-20s %6d %9d %8.1f %9.2f %8.1f %8.1f %12.3f  %s%n", r.name(), r.acknowledged(),
                    r.delivered(), r.seconds(), r.ordersPerSecond(), r.cpuSeconds(), r.postgresCpuSeconds(),
                    r.ordersPerCpuSecond(),
                    r.problems().isEmpty() ? "nothing lost, nothing twice" : String.join("; ", r.problems()));
            System.out.printf(Locale.ROOT, "RESULT bench=scale-out run=%s acknowledged=%d delivered=%d wall_s=%.1f "
                            + "orders_per_s=%.2f cpu_s=%.1f postgres_cpu_s=%.1f orders_per_cpu_s=%.3f problems=%d%n",
                    r.name().replace(' ', '_'), r.acknowledged(), r.delivered(), r.seconds(), r.ordersPerSecond(),
                    r.cpuSeconds(), r.postgresCpuSeconds(), r.ordersPerCpuSecond(), r.problems().size());
        }
        System.out.printf(Locale.ROOT, "RESULT bench=scale-out ratio_orders_per_s_two_vs_one=%.2f "
                        + "ratio_orders_per_cpu_s_two_vs_one=%.2f cores=%d%n", two.ordersPerSecond() / one.ordersPerSecond(),
                two.ordersPerCpuSecond() / one.ordersPerCpuSecond(), Runtime.getRuntime().availableProcessors());
    }

    private static ChildMaestro node(Path dir, String name, String database, boolean inProcessWorker, String partnersAt)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--maestro.mqtt.enabled=false", "--maestro.data-dir=" + dir.resolve(name),
                "--maestro.sandbox.mail.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.webapp.enabled=false", "--maestro.demo.enabled=true", "--maestro.sandbox.enabled=true",
                "--maestro.sandbox.speed=0.02", "--maestro.sandbox.rejection-rate=0", "--maestro.sandbox.delay-rate=0",
                "--maestro.worker.enabled=" + inProcessWorker, "--maestro.worker.lock-millis=" + LOCK_MILLIS,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                "--maestro.fulfillment.partner-event-lease=PT20S", "--logging.level.root=WARN"));
        if (partnersAt != null) {
            args.add("--maestro.partners.sandbox-url=" + partnersAt);
        }
        return ChildMaestro.start(dir.resolve(name + ".log"), args);
    }

    private static ChildMaestro worker(Path dir, String database, int enginePort) throws Exception {
        Path log = dir.resolve("worker.log");
        ChildMaestro worker = ChildMaestro.spawn(log, List.of("--spring.profiles.active=worker",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--maestro.worker.engine-url=http://localhost:" + enginePort + "/engine-rest",
                "--maestro.worker.api-key=demo-integration-key", "--maestro.worker.lock-millis=" + LOCK_MILLIS,
                "--logging.level.io.maestro.workers=INFO"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!Files.readString(log).contains("External-task worker")) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The standalone worker did not start:\n" + worker.logTail());
            }
            Thread.sleep(250);
        }
        return worker;
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
    }

    /**
     * CPU time of this JVM and every process it started (the nodes, the worker, PostgreSQL and its backends), from
     * samples taken while the run waits: a process that is killed keeps the CPU time of its last sample.
     */
    static final class ProcessCpu {

        private static final Map<Long, Long> LAST = new ConcurrentHashMap<>();
        private static final Set<Long> POSTGRES = ConcurrentHashMap.newKeySet();
        private static final AtomicReference<String> POSTGRES_PORT =
                new AtomicReference<>();

        static long millis() {
            sample();
            return LAST.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The part of {@link #millis()} PostgreSQL's processes used. */
        static long postgresMillis() {
            sample();
            return POSTGRES.stream().mapToLong(pid -> LAST.getOrDefault(pid, 0L)).sum();
        }

        /**
         * This JVM, the processes it started, and the PostgreSQL server that listens on the database URL's port with
         * its backends (the server detaches from the JVM that started it).
         */
        static void sample() {
            String port = POSTGRES_PORT.get();
            Stream<ProcessHandle> server = port == null ? Stream.empty()
                    : ProcessHandle.allProcesses().filter(p -> p.info().command().filter(c -> c.endsWith("postgres"))
                            .isPresent() && p.info().arguments().map(a -> Arrays.asList(a).contains(port))
                            .orElse(false));
            server.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .forEach(p -> POSTGRES.add(p.pid()));
            Stream.concat(Stream.concat(Stream.of(ProcessHandle.current()),
                    ProcessHandle.current().descendants()), POSTGRES.stream().map(ProcessHandle::of)
                            .flatMap(Optional::stream))
                    .forEach(p -> p.info().totalCpuDuration().ifPresent(cpu -> LAST.merge(p.pid(), cpu.toMillis(),
                            Math::max)));
        }

        /** The PostgreSQL server to count: the one behind this JDBC URL. */
        static void watchPostgres(String jdbcUrl) {
            Matcher port = Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
            POSTGRES_PORT.set(port.find() ? port.group(1) : null);
        }

        private ProcessCpu() {
        }
    }

    private ScaleOutBenchmark() {
    }
}
