package io.maestro.app.bench;

import io.maestro.app.Api;
import io.maestro.app.MaestroApplication;
import io.maestro.app.OrderStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maestro bench peak [--rates 2,4,8,16,32,2] [--phase-seconds 30] [--db h2|postgres] [--idle 60]}: the
 * peak-day test. Maestro starts in this process (sandbox partners answering over HTTP, the allocation worker in
 * process); after {@code --idle} quiet seconds a few single orders measure how fast a quiet system answers, then
 * orders arrive open-loop (at a fixed rate whatever the answers take) in phases of rising and falling rate. Per
 * phase: offered and accepted orders/s, intake latency, refused or failed requests, allocations per second, the
 * backlog (orders not yet allocated, engine jobs due) and order-to-allocated / order-to-delivered percentiles of
 * the orders placed in that phase; after the last phase, the time until the backlog is drained. The knee is the
 * first phase whose backlog grows: the system then takes orders faster than it allocates them.
 */
public final class PeakBenchmark {

    private static final List<String> SKUS = LifecycleBenchmark.SKUS;
    private static final int QUIET_ORDERS = 5;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LifecycleBenchmark.options(args);
        double[] rates = Arrays.stream(options.getOrDefault("rates", "2,4,8,16,32,2").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int phaseSeconds = Integer.parseInt(options.getOrDefault("phase-seconds", "30"));
        int idleSeconds = Integer.parseInt(options.getOrDefault("idle", "60"));
        String db = options.getOrDefault("db", "h2");
        double speed = Double.parseDouble(options.getOrDefault("speed", "0.02"));
        Path dataDir = Files.createTempDirectory("maestro-bench-peak");
        List<String> appArgs = LifecycleBenchmark.appArguments(dataDir, db, speed);
        System.out.printf(Locale.ROOT, "Starting Maestro (%s, sandbox day = %.3f s) ...%n", db, speed);
        try (ConfigurableApplicationContext app = SpringApplication.run(MaestroApplication.class, appArgs.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            LifecycleBenchmark.stock(app);
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            System.out.printf("Quiet for %d s, then %d orders one at a time ...%n", idleSeconds, QUIET_ORDERS);
            Thread.sleep(idleSeconds * 1000L);
            long[] quiet = quietOrders(api, jdbc);
            System.out.printf(Locale.ROOT, "RESULT bench=peak db=%s phase=quiet idle_s=%d orders=%d p50_allocated_ms=%d "
                    + "max_allocated_ms=%d%n", db, idleSeconds, QUIET_ORDERS, pct(quiet, 50), quiet[quiet.length - 1]);

            List<Phase> phases = new ArrayList<>();
            for (int i = 0; i < rates.length; i++) {
                phases.add(phase(api, jdbc, "p" + (i + 1), rates[i], phaseSeconds));
            }
            long drainStart = System.nanoTime();
            Double allocatedAfter = null;
            Double deliveredAfter = null;
            long give = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while ((allocatedAfter == null || deliveredAfter == null) && System.nanoTime() < give) {
                double elapsed = (System.nanoTime() - drainStart) / 1e9;
                if (allocatedAfter == null && notAllocated(jdbc) == 0) {
                    allocatedAfter = elapsed;
                }
                if (deliveredAfter == null && notDelivered(jdbc) == 0) {
                    deliveredAfter = elapsed;
                }
                Thread.sleep(250);
            }
            for (Phase p : phases) {
                p.measureLatencies(jdbc);
            }
            print(db, phases, allocatedAfter, deliveredAfter);
            if (deliveredAfter == null) {
                System.out.println("Not delivered after the drain, by status: " + jdbc.queryForList("select status, "
                        + "count(*) n from orders where status not in ('DELIVERED', 'CANCELLED') group by status"));
                OrderStory story = new OrderStory(jdbc);
                jdbc.queryForList("select id from orders where status not in ('DELIVERED', 'CANCELLED') order by id "
                        + "fetch first 5 rows only", String.class)
                        .forEach(id -> System.out.println("  " + id + ": " + story.of(id)));
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Single orders, each placed after the previous one is allocated: what a quiet system answers. */
    private static long[] quietOrders(Api api, JdbcTemplate jdbc) throws InterruptedException {
        long[] ms = new long[QUIET_ORDERS];
        for (int i = 0; i < QUIET_ORDERS; i++) {
            String id = place(api, SKUS.get(i), "quiet-" + i + "-" + System.nanoTime());
            if (id == null) {
                throw new IllegalStateException("A quiet-phase order was refused");
            }
            while (toAllocatedMs(jdbc, List.of(id)).isEmpty()) {
                Thread.sleep(20);
            }
            ms[i] = toAllocatedMs(jdbc, List.of(id)).get(0);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static Phase phase(Api api, JdbcTemplate jdbc, String name, double rate, int seconds) throws Exception {
        Phase phase = new Phase(name, rate);
        int total = (int) Math.round(rate * seconds);
        ExecutorService clients = Executors.newFixedThreadPool(64);
        // stopped without an interrupt: one while it reads H2's file in this process would close the database
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            phase.backlog.accumulateAndGet(notAllocated(jdbc), Math::max);
            phase.jobsDue.accumulateAndGet(jobsDue(jdbc), Math::max);
        }, 0, 1, TimeUnit.SECONDS);
        long start = System.nanoTime();
        long allocatedBefore = allocated(jdbc);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String sku = SKUS.get(i % SKUS.size());
            String channelOrderId = name + "-" + i + "-" + System.nanoTime();
            clients.submit(() -> {
                long sent = System.nanoTime();
                String id = place(api, sku, channelOrderId);
                phase.intakeMicros.add((System.nanoTime() - sent) / 1_000);
                if (id == null) {
                    phase.errors.incrementAndGet();
                } else {
                    phase.ids.add(id);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
        phase.seconds = (System.nanoTime() - start) / 1e9;
        phase.backlogAtEnd = notAllocated(jdbc);
        phase.allocatedPerSecond = (allocated(jdbc) - allocatedBefore) / phase.seconds;
        System.out.printf(Locale.ROOT, "  %s: offered %.1f/s, accepted %d, backlog at end %d%n", name, rate,
                phase.ids.size(), phase.backlogAtEnd);
        return phase;
    }

    private static String place(Api api, String sku, String channelOrderId) {
        Map<String, Object> order = Map.of("channel", "WEB", "channelOrderId", channelOrderId,
                "customer", Map.of("id", "C-" + channelOrderId.hashCode(), "tier", "STANDARD", "email", "peak@example.com"),
                "shipTo", Map.of("name", "Peak", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", 19.90)));
        try {
            Api.Response response = api.post("/api/orders", order, Api.INTEGRATION);
            return response.status() == 201 ? response.json().path("orderId").asText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int notAllocated(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from orders where status = 'RECEIVED'", Integer.class);
    }

    private static int notDelivered(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from orders where status not in ('DELIVERED', 'CANCELLED')",
                Integer.class);
    }

    /** Engine jobs that are due and not being worked on, and external tasks no worker has locked. */
    private static int jobsDue(JdbcTemplate jdbc) {
        Integer jobs = jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and lock_owner_ is null "
                + "and (duedate_ is null or duedate_ <= current_timestamp)", Integer.class);
        Integer tasks = jdbc.queryForObject("select count(*) from act_ru_ext_task where lock_exp_time_ is null "
                + "or lock_exp_time_ < current_timestamp", Integer.class);
        return jobs + tasks;
    }

    private static long allocated(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(distinct order_id) from order_event where type = 'ALLOCATED'",
                Long.class);
    }

    private static List<Long> toAllocatedMs(JdbcTemplate jdbc, List<String> ids) {
        return milestoneMs(jdbc, ids, "e.type = 'ALLOCATED'");
    }

    private static List<Long> milestoneMs(JdbcTemplate jdbc, List<String> ids, String condition) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            jdbc.query(("select o.created_at, min(e.occurred_at) from orders o join order_event e on e.order_id = o.id "
                    + "where " + condition + " and o.id in (%s) group by o.id, o.created_at")
                    .formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))), rs -> {
                        values.add(Duration.between(rs.getObject(1, OffsetDateTime.class),
                                rs.getObject(2, OffsetDateTime.class)).toMillis());
                    }, chunk.toArray());
        }
        Collections.sort(values);
        return values;
    }

    private static void print(String db, List<Phase> phases, Double allocatedAfter, Double deliveredAfter) {
        System.out.println();
        System.out.printf("%-5s %8s %9s %10s %10s %6s %9s %8s %8s %10s %10s %10s %10s%n", "phase", "offered",
                "accepted", "intake p50", "intake p99", "errors", "alloc/s", "backlog", "jobs due", "alloc p50",
                "alloc p99", "deliv p50", "deliv p99");
        Phase knee = null;
        for (Phase p : phases) {
            System.out.printf(Locale.ROOT, "%-5s %6.1f/s %7.1f/s %7.1f ms %7.1f ms %6d %7.1f/s %8d %8d %7d ms %7d ms "
                            + "%7d ms %7d ms%n", p.name, p.rate, p.ids.size() / p.seconds, p.intakeMs(50), p.intakeMs(99),
                    p.errors.get(), p.allocatedPerSecond, p.backlog.get(), p.jobsDue.get(), pct(p.allocated, 50),
                    pct(p.allocated, 99), pct(p.delivered, 50), pct(p.delivered, 99));
            System.out.printf(Locale.ROOT, "RESULT bench=peak db=%s phase=%s offered_per_s=%.1f accepted_per_s=%.1f "
                            + "intake_p50_ms=%.1f intake_p99_ms=%.1f errors=%d allocated_per_s=%.1f max_backlog=%d "
                            + "backlog_at_end=%d max_jobs_due=%d p50_allocated_ms=%d p99_allocated_ms=%d "
                            + "p50_delivered_ms=%d p99_delivered_ms=%d%n", db, p.name, p.rate, p.ids.size() / p.seconds,
                    p.intakeMs(50), p.intakeMs(99), p.errors.get(), p.allocatedPerSecond, p.backlog.get(),
                    p.backlogAtEnd, p.jobsDue.get(), pct(p.allocated, 50), pct(p.allocated, 99), pct(p.delivered, 50),
                    pct(p.delivered, 99));
            if (knee == null && p.backlogAtEnd > Math.max(5, p.rate * 2)) {
                knee = p;
            }
        }
        System.out.printf(Locale.ROOT, "RESULT bench=peak db=%s drain_allocated_s=%s drain_delivered_s=%s%n", db,
                allocatedAfter == null ? "not_drained" : String.format(Locale.ROOT, "%.1f", allocatedAfter),
                deliveredAfter == null ? "not_drained" : String.format(Locale.ROOT, "%.1f", deliveredAfter));
        if (knee == null) {
            System.out.println("No knee: every phase's orders were allocated as fast as they came.");
            System.out.printf("RESULT bench=peak db=%s knee_offered_per_s=none%n", db);
        } else {
            System.out.printf(Locale.ROOT, "The knee: at %.1f orders/s (phase %s) the backlog grew to %d orders; "
                    + "allocation kept up with %.1f/s.%n", knee.rate, knee.name, knee.backlogAtEnd, knee.allocatedPerSecond);
            System.out.printf(Locale.ROOT, "RESULT bench=peak db=%s knee_offered_per_s=%.1f knee_allocated_per_s=%.1f%n",
                    db, knee.rate, knee.allocatedPerSecond);
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static final class Phase {
        final String name;
        final double rate;
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<Long> intakeMicros = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger backlog = new AtomicInteger();
        final AtomicInteger jobsDue = new AtomicInteger();
        double seconds;
        int backlogAtEnd;
        double allocatedPerSecond;
        long[] allocated = new long[0];
        long[] delivered = new long[0];

        Phase(String name, double rate) {
            this.name = name;
            this.rate = rate;
        }

        double intakeMs(int p) {
            long[] sorted = intakeMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            return pct(sorted, p) / 1000.0;
        }

        void measureLatencies(JdbcTemplate jdbc) {
            allocated = toAllocatedMs(jdbc, ids).stream().mapToLong(Long::longValue).toArray();
            delivered = milestoneMs(jdbc, ids, "e.status = 'DELIVERED'").stream().mapToLong(Long::longValue).toArray();
        }
    }

    private PeakBenchmark() {
    }
}
