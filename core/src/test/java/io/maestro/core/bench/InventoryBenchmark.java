package io.maestro.core.bench;

import ch.qos.logback.classic.Level;
import io.maestro.core.CoreTestApplication;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.ReservationRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inventory benchmark: reservations per second with concurrent clients, and ATP lookup latency for one
 * SKU across 100 nodes, with same-process baselines (one client; a {@code select 1} round trip) to read
 * them against the machine. Runs core on embedded PostgreSQL, on {@code MAESTRO_DB_URL} (a scratch
 * database: it writes bench nodes, SKUs and reservations) or on a temporary H2 file database; see
 * {@link BenchDatabase}.
 *
 * <pre>
 * ./mvnw -q -pl core exec:java -Dexec.mainClass=io.maestro.core.bench.InventoryBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--seconds 10 --clients 16 --db postgres"
 * </pre>
 */
public final class InventoryBenchmark {

    private static final String USAGE = "options: --seconds N (10) --clients N (16) --db postgres|h2 (postgres) "
            + "--pool N (connections; default 2 x cores, at most clients)";
    private static final String CHANNEL = "WEB";
    private static final double RESERVATIONS_TARGET = 3_000;
    private static final double ATP_P99_TARGET_MS = 2;
    private static final int WARMUP_SAMPLES = 3_000;
    private static final int SAMPLES = 20_000;

    record Options(int seconds, int clients, String db, int pool) {

        static Options parse(String[] args) {
            int seconds = 10;
            int clients = 16;
            String db = "postgres";
            Integer pool = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--seconds" -> seconds = positive(args[i], value);
                    case "--clients" -> clients = positive(args[i], value);
                    case "--pool" -> pool = positive(args[i], value);
                    case "--db" -> db = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
                i++;
            }
            if (!"postgres".equals(db) && !"h2".equals(db)) {
                throw new IllegalArgumentException("--db must be postgres or h2; " + USAGE);
            }
            // Database and benchmark share the cores: more connections than about twice the cores only add
            // context switches and lock hand-offs (measured: CPU per reservation rises with the pool size).
            int defaultPool = Math.min(clients, 2 * Runtime.getRuntime().availableProcessors());
            return new Options(seconds, clients, db, pool == null ? defaultPool : pool);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a whole number above 0; " + USAGE);
        }
    }

    record Load(int clients, double seconds, long succeeded, long refused, long errors, String firstError, Samples latency,
                CpuMeter.Reading cpu) {

        double perSecond() {
            return succeeded / seconds;
        }

        long calls() {
            return succeeded + refused + errors;
        }
    }

    /** Single-client samples and the CPU they used. */
    record Timed(Samples samples, CpuMeter.Reading cpu) {
    }

    private final Options options;
    private final InventoryLedger ledger;
    private final InventoryQueries queries;
    private final JdbcTemplate jdbc;
    private final BenchNetwork network;
    private final CpuMeter cpu;
    private final boolean cpuFullyVisible;
    private final String runId;
    private final AtomicLong reservationNumbers = new AtomicLong();

    private InventoryBenchmark(Options options, ConfigurableApplicationContext context, BenchDatabase database,
                               BenchNetwork network, String runId) {
        this.options = options;
        this.ledger = context.getBean(InventoryLedger.class);
        this.queries = context.getBean(InventoryQueries.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.network = network;
        this.cpu = new CpuMeter(database.serverProcess(jdbc));
        this.cpuFullyVisible = database.cpuFullyVisible();
        this.runId = runId;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options = Options.parse(args);
        // Until Spring configures logging (WARN), keep the embedded server's start-up chatter out of the output.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

        List<String> springArgs = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=" + options.pool(),
                "--spring.datasource.hikari.minimum-idle=" + options.pool()));
        try (BenchDatabase database = BenchDatabase.open(options.db())) {
            springArgs.addAll(database.springArgs);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreTestApplication.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs.toArray(String[]::new))) {
                String runId = Long.toString(System.currentTimeMillis(), 36);
                long seedStart = System.nanoTime();
                BenchNetwork network = BenchNetwork.seed(context, runId, Math.min(options.clients(), 8));
                double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
                OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
                System.out.printf(Locale.ROOT, "%nMaestro inventory benchmark on %s%n  %s%n  machine: %d cores, load average "
                                + "%.2f before the runs (other processes share these cores)%n  seeded %d nodes x %d SKUs = %d "
                                + "positions in %.1f s; %d clients, pool %d, %d s per run%n%n", database.label,
                        describe(context.getBean(JdbcTemplate.class), options.db()), os.getAvailableProcessors(),
                        os.getSystemLoadAverage(), network.nodeIds.size(),
                        network.skus.size(), network.positions(), seedSeconds, options.clients(), options.pool(),
                        options.seconds());
                new InventoryBenchmark(options, context, database, network, runId).run();
            }
        }
    }

    private void run() throws Exception {
        reserveLoad(options.clients(), Math.min(3, options.seconds()));
        Load concurrent = reserveLoad(options.clients(), options.seconds());
        Load single = reserveLoad(1, Math.max(2, options.seconds() / 2.0));

        if (queries.availability(network.skus.get(1), CHANNEL).nodes().size() != network.nodeIds.size()) {
            throw new IllegalStateException("ATP lookup did not return one row per node");
        }
        Timed atpRun = time(() -> queries.availability(randomSku(), CHANNEL));
        Samples atp = atpRun.samples();
        Samples select1 = time(() -> jdbc.queryForObject("select 1", Integer.class)).samples();

        int nodes = network.nodeIds.size();
        int cores = Runtime.getRuntime().availableProcessors();
        double scaling = concurrent.perSecond() / single.perSecond();
        double atpInRoundTrips = atp.percentileMs(50) / select1.percentileMs(50);
        double reservationJvmMs = concurrent.cpu().jvmNanos() / 1e6 / concurrent.calls();
        double reservationDbMs = concurrent.cpu().serverNanos() / 1e6 / concurrent.calls();
        double ceiling = cores * 1000 / (reservationJvmMs + reservationDbMs);
        double atpJvmMs = atpRun.cpu().jvmNanos() / 1e6 / atp.count();
        double atpDbMs = atpRun.cpu().serverNanos() / 1e6 / atp.count();
        String dbSide = options.db().equals("h2") ? "in JVM" : cpu.seesServer() ? "" : "not seen";

        row("reservations/s, " + concurrent.clients() + " clients", fmt(concurrent.perSecond(), 0),
                "≥ " + fmt(RESERVATIONS_TARGET, 0), concurrent.perSecond() >= RESERVATIONS_TARGET ? "met" : "MISSED");
        row("  succeeded / refused / errors", concurrent.succeeded() + " / " + concurrent.refused() + " / "
                + concurrent.errors(), "", "");
        row("  latency p50 / p99 / max (ms)", latencies(concurrent.latency()), "", "");
        row("  CPU per reservation, JVM / database (ms)", fmt(reservationJvmMs, 3) + " / "
                + (dbSide.isEmpty() ? fmt(reservationDbMs, 3) : dbSide), "", "");
        if (cpuFullyVisible) {
            row("  CPU-bound ceiling on " + cores + " idle cores (/s)", fmt(ceiling, 0), "", "");
        }
        row("ATP lookup, 1 SKU x " + nodes + " nodes, p50 (ms)", fmt(atp.percentileMs(50), 3), "", "");
        row("ATP lookup p99 (ms)", fmt(atp.percentileMs(99), 3), "≤ " + fmt(ATP_P99_TARGET_MS, 0),
                atp.percentileMs(99) <= ATP_P99_TARGET_MS ? "met" : "MISSED");
        row("ATP lookup max (ms), " + atp.count() + " samples", fmt(atp.maxMs(), 3), "", "");
        row("  CPU per lookup, JVM / database (ms)", fmt(atpJvmMs, 3) + " / "
                + (dbSide.isEmpty() ? fmt(atpDbMs, 3) : dbSide), "", "");
        row("baseline: reservations/s, 1 client", fmt(single.perSecond(), 0), "", "");
        row("  latency p50 / p99 / max (ms)", latencies(single.latency()), "", "");
        row("baseline: select 1 round trip p50 / p99 (ms)",
                fmt(select1.percentileMs(50), 3) + " / " + fmt(select1.percentileMs(99), 3), "", "");
        row("ratio: reservations/s " + concurrent.clients() + " clients / 1 client", fmt(scaling, 2), "", "");
        row("ratio: ATP p50 / select 1 p50", fmt(atpInRoundTrips, 1), "", "");
        if (concurrent.firstError() != null) {
            System.out.println("  first error: " + concurrent.firstError());
        }
        System.out.println();

        String db = "bench=inventory db=" + options.db() + " metric=";
        String c = " clients=" + concurrent.clients() + " pool=" + options.pool();
        result(db + "reservations_per_s" + c, concurrent.perSecond(), 0);
        result(db + "reservations_refused" + c, concurrent.refused(), 0);
        result(db + "reservation_errors" + c, concurrent.errors(), 0);
        result(db + "reservation_p99_ms" + c, concurrent.latency().percentileMs(99), 3);
        result(db + "reservation_cpu_ms side=jvm" + c, reservationJvmMs, 3);
        if (cpu.seesServer()) {
            result(db + "reservation_cpu_ms side=db" + c, reservationDbMs, 3);
        }
        if (cpuFullyVisible) {
            result(db + "reservations_per_s_cpu_ceiling cores=" + cores, ceiling, 0);
        }
        result(db + "atp_lookup_p50_ms nodes=" + nodes, atp.percentileMs(50), 3);
        result(db + "atp_lookup_p99_ms nodes=" + nodes, atp.percentileMs(99), 3);
        result(db + "atp_lookup_max_ms nodes=" + nodes, atp.maxMs(), 3);
        result(db + "atp_lookup_cpu_ms side=jvm nodes=" + nodes, atpJvmMs, 3);
        if (cpu.seesServer()) {
            result(db + "atp_lookup_cpu_ms side=db nodes=" + nodes, atpDbMs, 3);
        }
        result(db + "reservations_per_s clients=1", single.perSecond(), 0);
        result(db + "select1_p50_ms", select1.percentileMs(50), 3);
        result(db + "reservations_scaling" + c, scaling, 2);
        result(db + "atp_p50_over_select1_p50 nodes=" + nodes, atpInRoundTrips, 1);
    }

    /** Each client reserves one unit of a random SKU at a random node, one call per reservation, until time is up. */
    private Load reserveLoad(int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LongAdder succeeded = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Samples> latencies = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong deadline = new AtomicLong();
        try {
            for (int c = 0; c < clients; c++) {
                Samples latency = new Samples();
                latencies.add(latency);
                String client = "c" + c;
                done.add(pool.submit(() -> {
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline.get()) {
                        long n = reservationNumbers.incrementAndGet();
                        ReservationRequest request = new ReservationRequest("BR-" + runId + "-" + n, "BO-" + runId + "-" + n,
                                1, network.nodeIds.get(random.nextInt(network.nodeIds.size())),
                                network.skus.get(random.nextInt(network.skus.size())), 1);
                        long start = System.nanoTime();
                        try {
                            ledger.reserve(CHANNEL, List.of(request), "bench-" + client);
                            succeeded.increment();
                        } catch (InsufficientStockException e) {
                            refused.increment();
                        } catch (RuntimeException e) {
                            errors.increment();
                            firstError.compareAndSet(null, e.toString());
                        }
                        latency.add(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
            CpuMeter.Reading before = cpu.read();
            long start = System.nanoTime();
            deadline.set(start + (long) (seconds * 1e9));
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Load(clients, elapsed, succeeded.sum(), refused.sum(), errors.sum(), firstError.get(),
                    Samples.merge(latencies), cpu.read().minus(before));
        } finally {
            pool.shutdown();
        }
    }

    /** Single client: warm-up calls, then timed samples. */
    private Timed time(Supplier<?> call) {
        for (int i = 0; i < WARMUP_SAMPLES; i++) {
            call.get();
        }
        CpuMeter.Reading before = cpu.read();
        Samples samples = new Samples();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.get();
            samples.add(System.nanoTime() - start);
        }
        return new Timed(samples, cpu.read().minus(before));
    }

    private String randomSku() {
        return network.skus.get(ThreadLocalRandom.current().nextInt(network.skus.size()));
    }

    private static String describe(JdbcTemplate jdbc, String db) {
        if (db.equals("h2")) {
            return "H2 " + jdbc.queryForObject("select h2version()", String.class);
        }
        return "PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
                + ", synchronous_commit=" + jdbc.queryForObject("show synchronous_commit", String.class)
                + ", fsync=" + jdbc.queryForObject("show fsync", String.class);
    }

    private static String latencies(Samples s) {
        return fmt(s.percentileMs(50), 2) + " / " + fmt(s.percentileMs(99), 2) + " / " + fmt(s.maxMs(), 1);
    }

    private static void row(String figure, String value, String target, String verdict) {
        System.out.printf(Locale.ROOT, "  %-48s %22s   %-8s %s%n", figure, value, target, verdict);
    }

    private static void result(String keys, double value, int decimals) {
        System.out.println("RESULT " + keys + " value=" + fmt(value, decimals));
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
