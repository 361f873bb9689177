package io.maestro.app.bench;

import io.maestro.app.Api;
import io.maestro.app.MaestroApplication;
import io.maestro.app.retention.RetentionProperties;
import io.maestro.core.retention.RetentionPurge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maestro bench growth [--orders N] [--db h2|postgres]}: how much database N delivered orders take, per
 * 10,000 orders, before and after the cleanup that runs every night. N orders go through the whole lifecycle (as
 * {@code bench lifecycle}), then the clock is moved past the history's time to live and every retention, Camunda's
 * history cleanup job runs until it has nothing left and Maestro's retention purge runs once. Sizes are per table
 * (H2: the pages each table's data and indexes use; PostgreSQL: {@code pg_total_relation_size} after
 * {@code VACUUM FULL}), so what remains is what a deployment keeps for good: orders, timelines, ledger.
 */
public final class GrowthBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LifecycleBenchmark.options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "1000"));
        String db = options.getOrDefault("db", "h2");
        Path dataDir = Files.createTempDirectory("maestro-bench-growth");
        List<String> appArgs = LifecycleBenchmark.appArguments(dataDir, db, 0.02);
        System.out.printf("Starting Maestro (%s) ...%n", db);
        try (ConfigurableApplicationContext app = SpringApplication.run(MaestroApplication.class, appArgs.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            LifecycleBenchmark.Run run = LifecycleBenchmark.run(api, jdbc, LifecycleBenchmark.stock(app), orders, 8, "growth");
            int delivered = orders - run.notDelivered();
            Map<String, Long> before = sizes(jdbc, db);

            OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(200);
            ClockUtil.setCurrentTime(Date.from(later.toInstant()));
            int cleanupRuns;
            try {
                cleanupRuns = cleanHistory(app);
            } finally {
                ClockUtil.reset();
            }
            Map<String, Integer> purged = app.getBean(RetentionPurge.class).purge(app.getBean(RetentionProperties.class).retention(), later);
            Map<String, Long> after = sizes(jdbc, db);

            print(db, delivered, before, after, cleanupRuns, purged);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Runs the engine's history cleanup job until a run deletes nothing more; returns the runs. */
    private static int cleanHistory(ConfigurableApplicationContext app) {
        HistoryService history = app.getBean(HistoryService.class);
        ManagementService management = app.getBean(ManagementService.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        int runs = 0;
        long rows = historyRows(jdbc);
        while (runs < 10_000) {
            Job job = history.cleanUpHistoryAsync(true);
            management.executeJob(job.getId());
            runs++;
            long left = historyRows(jdbc);
            if (left == rows) {
                return runs;
            }
            rows = left;
        }
        return runs;
    }

    private static long historyRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select (select count(*) from act_hi_procinst) + (select count(*) from act_hi_actinst) "
                + "+ (select count(*) from act_hi_varinst) + (select count(*) from act_hi_detail) "
                + "+ (select count(*) from act_hi_decinst) + (select count(*) from act_ge_bytearray)", Long.class);
    }

    /** Bytes per table, largest first. */
    private static Map<String, Long> sizes(JdbcTemplate jdbc, String db) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        if (db.equals("h2")) {
            jdbc.execute("checkpoint");
            for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                    + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
                sizes.put(table.toLowerCase(Locale.ROOT),
                        jdbc.queryForObject("select disk_space_used('PUBLIC.\"" + table + "\"')", Long.class));
            }
        } else {
            jdbc.execute("vacuum full");
            jdbc.query("select tablename, pg_total_relation_size(quote_ident(tablename)) from pg_tables "
                    + "where schemaname = 'public'", rs -> {
                        sizes.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
                    });
        }
        return sizes;
    }

    private static void print(String db, int delivered, Map<String, Long> before, Map<String, Long> after,
                              int cleanupRuns, Map<String, Integer> purged) {
        long totalBefore = before.values().stream().mapToLong(Long::longValue).sum();
        long totalAfter = after.values().stream().mapToLong(Long::longValue).sum();
        double per10k = 10_000.0 / Math.max(1, delivered);
        System.out.println();
        System.out.printf("%-28s %14s %14s%n", "table (MB per 10,000 orders)", "before", "after cleanup");
        before.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "%-28s %14.1f %14.1f%n", e.getKey(),
                        e.getValue() * per10k / 1e6, after.getOrDefault(e.getKey(), 0L) * per10k / 1e6));
        System.out.printf(Locale.ROOT, "%-28s %14.1f %14.1f%n", "all tables", totalBefore * per10k / 1e6,
                totalAfter * per10k / 1e6);
        System.out.printf("History cleanup: %d job runs; retention purge deleted %s%n", cleanupRuns, purged);
        System.out.printf(Locale.ROOT, "RESULT bench=growth db=%s delivered=%d mb_per_10k_orders_before=%.1f "
                        + "mb_per_10k_orders_after_cleanup=%.1f ratio_after_vs_before=%.2f%n", db, delivered,
                totalBefore * per10k / 1e6, totalAfter * per10k / 1e6, (double) totalAfter / totalBefore);
    }

    private GrowthBenchmark() {
    }
}
