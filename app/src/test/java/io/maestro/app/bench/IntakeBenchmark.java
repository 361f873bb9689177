package io.maestro.app.bench;

import io.maestro.app.MaestroApplication;
import io.maestro.integrations.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maestro bench intake [--orders N] [--clients C] [--node intake|all-in-one] [--durability on|off|compare]}:
 * web-store webhook orders (signed, over real HTTP) accepted per second by the application started in-process on a fresh H2 file database
 * with the demo data, against a baseline in the same run: the same orders POSTed unsigned to {@code /api/orders}
 * with an API key. Each accepted order starts its process in the intake transaction. By default the application
 * runs as an intake node (no job executor, no allocation worker: an instance that only takes orders, while other
 * instances carry them on); {@code --node all-in-one} runs the job executor beside the intake, so the same two
 * cores also run every accepted order's first process steps. {@code --durability compare} measures instead what
 * durable commits cost: the webhook path with H2 writing each commit before the answer (Maestro's setting) against
 * H2's default write delay, in the same process ({@code off} runs the usual comparison with the delay). Prints a
 * table and {@code RESULT} lines.
 */
public final class IntakeBenchmark {

    static final String SECRET = "demo-web-secret";
    static final double TARGET_PER_S = 500;

    /** {@code cpuNanos}: CPU time of the whole process (server and this in-process client) during the run. */
    record Run(String path, int orders, int failed, double seconds, long[] nanos, long cpuNanos) {
        double perSecond() {
            return (orders - failed) / seconds;
        }

        double cpuMsPerOrder() {
            return cpuNanos / 1e6 / orders;
        }

        Run and(Run other, String name) {
            long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
            System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
            return new Run(name, orders + other.orders, failed + other.failed, seconds + other.seconds, all,
                    cpuNanos + other.cpuNanos);
        }

        double percentileMs(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
        }
    }

    record Call(String path, byte[] body, String[] headers) {
    }

    public static void main(String[] args) throws Exception {
        int orders = option(args, "--orders", 5000);
        int clients = option(args, "--clients", 8);
        String node = textOption(args, "--node", "intake");
        if (!node.equals("intake") && !node.equals("all-in-one")) {
            throw new IllegalArgumentException("--node must be intake or all-in-one, not " + node);
        }
        String durability = textOption(args, "--durability", "on");
        if (!List.of("on", "off", "compare").contains(durability)) {
            throw new IllegalArgumentException("--durability must be on, off or compare, not " + durability);
        }
        Path dataDir = Files.createTempDirectory("maestro-bench-intake");
        System.out.printf(Locale.ROOT, "intake benchmark: %d orders per path, %d clients, %s node, durability %s, H2 under "
                + "%s%n", orders, clients, node, durability, dataDir);
        // The URL does not name WRITE_DELAY: a connection opened later would set it back for the whole database.
        ConfigurableApplicationContext app = SpringApplication.run(MaestroApplication.class, "--server.port=0",
                "--maestro.data-dir=" + dataDir, "--spring.datasource.url="
                        + LifecycleBenchmark.h2FileUrl(dataDir).replace(";WRITE_DELAY=0", ""),
                "--maestro.worker.enabled=false", "--camunda.bpm.job-execution.enabled=" + node.equals("all-in-one"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--maestro.inbox.poll-ms=60000");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (durability.equals("compare")) {
                compareDurability(port, jdbc, orders, clients, node);
            } else {
                compareWebhookAndRest(port, jdbc, orders, clients, node, durability.equals("on"));
            }
            printProcesses(jdbc);
        } finally {
            SpringApplication.exit(app);
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    static void compareWebhookAndRest(int port, JdbcTemplate jdbc, int orders, int clients, String node, boolean durable)
            throws Exception {
        writeDelay(jdbc, durable ? 0 : H2_DEFAULT_WRITE_DELAY_MS);
        run(port, "warmup-webhook", Math.min(1000, orders), clients, IntakeBenchmark::webhook);
        run(port, "warmup-rest", Math.min(1000, orders), clients, IntakeBenchmark::rest);
        // A B B A: each path gets an early and a late half, so a growing database favours neither.
        Run webhook1 = run(port, "webhook-1", orders / 2, clients, IntakeBenchmark::webhook);
        Run rest1 = run(port, "rest-1", orders / 2, clients, IntakeBenchmark::rest);
        Run rest2 = run(port, "rest-2", orders - orders / 2, clients, IntakeBenchmark::rest);
        Run webhook2 = run(port, "webhook-2", orders - orders / 2, clients, IntakeBenchmark::webhook);
        print(List.of(webhook1.and(webhook2, "webhook"), rest1.and(rest2, "rest")), clients, node);
    }

    /**
     * What durable commits cost: the same webhook orders with each commit written to the file before the answer
     * (WRITE_DELAY 0, Maestro's setting) and with H2's default of writing commits in the background within 500 ms
     * (acknowledged orders lost on a crash), in A-B-B-A halves in the same process on the same database.
     */
    static void compareDurability(int port, JdbcTemplate jdbc, int orders, int clients, String node) throws Exception {
        writeDelay(jdbc, 0);
        run(port, "warmup-webhook", Math.min(1000, orders), clients, IntakeBenchmark::webhook);
        Run durable1 = run(port, "durable-1", orders / 2, clients, IntakeBenchmark::webhook);
        writeDelay(jdbc, H2_DEFAULT_WRITE_DELAY_MS);
        Run delayed1 = run(port, "delayed-1", orders / 2, clients, IntakeBenchmark::webhook);
        Run delayed2 = run(port, "delayed-2", orders - orders / 2, clients, IntakeBenchmark::webhook);
        writeDelay(jdbc, 0);
        Run durable2 = run(port, "durable-2", orders - orders / 2, clients, IntakeBenchmark::webhook);
        Run durable = durable1.and(durable2, "durable");
        Run delayed = delayed1.and(delayed2, "delayed");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %8s %7s %10s %9s %9s %12s%n", "webhook orders, H2 commits", "orders", "failed",
                "orders/s", "p50 ms", "p99 ms", "CPU ms/order");
        for (Run r : List.of(durable, delayed)) {
            System.out.printf(Locale.ROOT, "%-44s %8d %7d %10.0f %9.2f %9.2f %12.2f%n", r.path().equals("durable")
                    ? "durable (WRITE_DELAY 0: on file when answered)" : "delayed (H2 default: written within 500 ms)",
                    r.orders(), r.failed(), r.perSecond(), r.percentileMs(50), r.percentileMs(99), r.cpuMsPerOrder());
        }
        double ratio = durable.perSecond() / delayed.perSecond();
        System.out.printf(Locale.ROOT, "durable / delayed: %.2f of the throughput%n%n", ratio);
        for (Run r : List.of(durable, delayed)) {
            System.out.printf(Locale.ROOT, "RESULT bench=intake path=webhook commits=%s node=%s orders=%d clients=%d "
                    + "failed=%d orders_per_s=%.1f p50_ms=%.2f p99_ms=%.2f cpu_ms_per_order=%.2f%n", r.path(), node,
                    r.orders(), clients, r.failed(), r.perSecond(), r.percentileMs(50), r.percentileMs(99),
                    r.cpuMsPerOrder());
        }
        System.out.printf(Locale.ROOT, "RESULT bench=intake node=%s ratio_durable_to_delayed=%.2f%n", node, ratio);
    }

    static final int H2_DEFAULT_WRITE_DELAY_MS = 500;

    /** H2's write delay is a setting of the whole database: every connection's commits follow it at once. */
    static void writeDelay(JdbcTemplate jdbc, int millis) {
        jdbc.execute("SET WRITE_DELAY " + millis);
    }

    static Call webhook(String id) {
        byte[] body = order(id, null).getBytes(StandardCharsets.UTF_8);
        return new Call("/api/channels/web/orders", body, new String[] {"Content-Type", "application/json",
            WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body)});
    }

    static Call rest(String id) {
        byte[] body = order(id, "WEB").getBytes(StandardCharsets.UTF_8);
        return new Call("/api/orders", body, new String[] {"Content-Type", "application/json", "X-Api-Key",
            "demo-integration-key"});
    }

    /** Requests are built (and signed) before the clock starts: the server's work is measured, not the client's. */
    static Run run(int port, String path, int orders, int clients,
                   java.util.function.Function<String, Call> build) throws Exception {
        List<Call> calls = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            calls.add(build.apply("B-" + path + "-" + i));
        }
        long[] nanos = new long[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStart = LifecycleBenchmark.processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                try (KeepAliveHttpClient client = new KeepAliveHttpClient("localhost", port)) {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        Call call = calls.get(i);
                        long t0 = System.nanoTime();
                        try {
                            int status = client.post(call.path(), call.body(), call.headers());
                            if (status != 201 && failed.incrementAndGet() == 1) {
                                System.out.println(path + ": first failure, HTTP " + status + " for " + call.path());
                            }
                        } catch (IOException e) {
                            client.close();
                            failed.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = LifecycleBenchmark.processCpuNanos() - cpuStart;
        pool.shutdown();
        return new Run(path, orders, failed.get(), seconds, nanos, cpu);
    }

    static void print(List<Run> runs, int clients, String node) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %8s %7s %10s %9s %9s %12s%n", "path", "orders", "failed", "orders/s",
                "p50 ms", "p99 ms", "CPU ms/order");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "%-34s %8d %7d %10.0f %9.2f %9.2f %12.2f%n", label(r), r.orders(), r.failed(),
                    r.perSecond(), r.percentileMs(50), r.percentileMs(99), r.cpuMsPerOrder());
        }
        Run webhook = runs.get(0);
        Run rest = runs.get(1);
        double ratio = webhook.perSecond() / rest.perSecond();
        System.out.printf(Locale.ROOT, "webhook / baseline: %.2f; target %.0f orders/s: %s%n%n", ratio, TARGET_PER_S,
                webhook.perSecond() >= TARGET_PER_S ? "met" : "NOT met");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "RESULT bench=intake path=%s node=%s orders=%d clients=%d failed=%d "
                    + "orders_per_s=%.1f p50_ms=%.2f p99_ms=%.2f cpu_ms_per_order=%.2f%n", r.path(),
                    node, r.orders(), clients, r.failed(), r.perSecond(), r.percentileMs(50),
                    r.percentileMs(99), r.cpuMsPerOrder());
        }
        System.out.printf(Locale.ROOT, "RESULT bench=intake node=%s ratio_webhook_to_rest=%.2f target_per_s=%.0f target_met=%s%n",
                node, ratio, TARGET_PER_S, webhook.perSecond() >= TARGET_PER_S);
    }

    /** Every accepted order has its process: running (its first steps done or queued) or waiting for a job executor. */
    private static void printProcesses(JdbcTemplate jdbc) {
        long orders = jdbc.queryForObject("select count(*) from orders", Long.class);
        long processes = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'order-fulfillment'",
                Long.class);
        long queued = jdbc.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'async-continuation'",
                Long.class);
        System.out.printf(Locale.ROOT, "orders accepted %d, their processes started %d, first steps queued for a job "
                + "executor %d%n", orders, processes, queued);
    }

    private static String label(Run r) {
        return r.path().equals("webhook") ? "webhook (signed, /api/channels/web)" : "baseline (API key, /api/orders)";
    }

    private static String order(String id, String channel) {
        return """
                {%s"channelOrderId": "%s", "customer": {"id": "C-7", "tier": "VIP", "email": "c7@example.com"},
                 "shipTo": {"name": "Casey Doe", "line1": "10 Jay St", "city": "Brooklyn", "region": "NY",
                            "postalCode": "11201", "country": "US"},
                 "lines": [{"sku": "TSHIRT-BLK-M", "quantity": 2, "unitPrice": 19.90}]}
                """.formatted(channel == null ? "" : "\"channel\": \"" + channel + "\", ", id);
    }

    private static String textOption(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
