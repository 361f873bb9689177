package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.batch.CandidatePlanOptimizer;
import io.maestro.workers.allocation.batch.LagrangianBound;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.realtime.Allocator;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import io.maestro.workers.allocation.realtime.ClosestNodeAllocator;
import io.maestro.workers.allocation.realtime.SingleNodeOrGreedyAllocator;
import io.maestro.workers.geo.CityTable;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./maestro bench allocation [--preset S|M|L] [--seed N]}: the same generated day of orders allocated
 * one by one by each sourcing rule (B0 closest node per line, B1 cheapest single node else greedy cover,
 * B2 Maestro real time) and in windows by B3 (Maestro batch: column generation and SCIP, see {@link WaveRun}),
 * each on its own copy of the network's stock and capacity, against LB, a proven lower bound: the best of B3's own
 * when it ran as one window (else the Lagrangian bound), column generation on its own over the whole day for the
 * preset's time (M and L: B3's pricing stops where its time for it ends; this runs until the relaxation meets its
 * bound, the LP relaxation itself) and the linearised LP when asked for. Prints a table and one
 * RESULT line per engine, with wall-clock and CPU time per decision. A per-order engine's decisions per second
 * count the time inside its decisions, after the warm-up ({@code --warm-up N} decisions on the same day, 3,000 unless
 * told); {@code wall_s} is its whole run, bookkeeping included. With {@code --threads N} (N above 1) each real-time
 * engine then decides the day again as one stream and as N independent streams side by side ({@link SideBySideStreams}):
 * decisions per second of wall time over all streams, per CPU-second, latencies, and the ratio to one stream.
 */
public final class AllocationBenchmark {

    private final PrintStream out;

    AllocationBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new AllocationBenchmark(System.out).run(options);
    }

    List<RunMetrics> run(BenchOptions options) {
        Scenario scenario = new ScenarioGenerator(CityTable.load()).generate(options);
        out.printf(Locale.ROOT, "allocation benchmark: preset %s, seed %d, %d orders (%d units), %d nodes, %d SKUs, "
                        + "rho %.2f, kappa %s, %s costs%n", options.preset(), options.seed(), scenario.orders().size(),
                scenario.demandUnits(), scenario.nodes().size(), scenario.skus().size(), options.rho(),
                Double.isInfinite(options.kappa()) ? "inf" : String.format(Locale.ROOT, "%.2f", options.kappa()),
                options.costs());
        List<RunMetrics> results = new ArrayList<>();
        List<String> sideBySide = new ArrayList<>();
        for (String name : options.engines()) {
            if (!name.equals("B3") && !name.equals("LB")) {
                AllocationEngine engine = new AllocationEngine(allocator(name));
                warmUp(engine, scenario, options.warmUp());
                results.add(measure(name, engine, scenario));
                if (options.threads() > 1) {
                    sideBySide.addAll(sideBySide(options, name, engine, scenario));
                }
            }
        }
        double lowerBound = Double.NaN;
        double lowerBoundSeconds = 0;
        String method = "";
        BenchPreset preset = options.preset();
        WaveRun.Outcome batch = null;
        if (options.engines().contains("B3")) {
            batch = new WaveRun(options.windowSize() > 0 ? options.windowSize() : preset.windowSize,
                    options.batchSeconds() > 0 ? options.batchSeconds() : preset.batchSeconds, options.proRata())
                    .run(scenario);
            out.printf(Locale.ROOT, "B3: %d window(s) of at most %d orders, each on %s, column generation (%d pricing "
                            + "rounds, %d candidate plans) and SCIP; %d window(s) proven optimal%n", batch.windows(),
                    options.windowSize() > 0 ? options.windowSize() : preset.windowSize,
                    options.proRata() ? "a pro-rata share of the stock and capacity left" : "the stock and capacity left",
                    batch.rounds(), batch.columns(), batch.windowsProvenOptimal());
            if (batch.windows() == 1 && batch.boundValid()) {
                out.printf(Locale.ROOT, "B3: its own bound %.2f, B3 %.2f %% above it%n", batch.bound(),
                        100 * (batch.metrics().cost() - batch.bound()) / batch.bound());
            }
            results.add(batch.metrics());
        }
        if (options.engines().contains("LB")) {
            if (batch != null && batch.windows() == 1 && batch.boundValid()) {
                lowerBound = batch.bound();
                method = "column-generation";
                lowerBoundSeconds = batch.metrics().wallSeconds();
            } else {
                long start = System.nanoTime();
                double upperBound = results.isEmpty() ? WaveRun.fewestSplitsCost(scenario)
                        : results.stream().mapToDouble(RunMetrics::cost).min().orElseThrow();
                LagrangianBound.Result priced = WaveRun.lagrangianBound(scenario, preset.lagrangianRounds, upperBound,
                        batch == null ? Map.of() : batch.prices());
                if (priced.valid()) {
                    lowerBound = priced.bound();
                    method = "lagrangian";
                    lowerBoundSeconds = (System.nanoTime() - start) / 1e9;
                }
                out.printf(Locale.ROOT, "LB: Lagrangian %.2f (%d price rounds%s%s)%n", priced.bound(), priced.rounds(),
                        batch == null ? "" : " from the windows' mean prices",
                        priced.valid() ? "" : ", not valid: a per-order search hit its budget");
            }
            double relaxationSeconds = options.relaxationSeconds() >= 0 ? options.relaxationSeconds()
                    : preset.relaxationSeconds;
            if (relaxationSeconds > 0) {
                long start = System.nanoTime();
                CandidatePlanOptimizer.RelaxationBound relaxation = WaveRun.relaxationBound(scenario, relaxationSeconds);
                out.printf(Locale.ROOT, "LB: column generation on its own: bound %.2f, relaxation %.2f (%s), %d price "
                                + "rounds, %.1f CPU-s%s%n", relaxation.bound(), relaxation.relaxation(),
                        relaxation.converged() ? "converged" : "not converged", relaxation.rounds(),
                        relaxation.seconds(), relaxation.valid() ? "" : ", not valid: a per-order search hit its budget");
                if (relaxation.valid() && (Double.isNaN(lowerBound) || relaxation.bound() > lowerBound)) {
                    lowerBound = relaxation.bound();
                    method = "relaxation";
                    lowerBoundSeconds = (System.nanoTime() - start) / 1e9;
                }
            }
            double lpSeconds = options.lowerBoundSeconds() >= 0 ? options.lowerBoundSeconds() : preset.lpSeconds;
            if (lpSeconds > 0) {
                try {
                    long start = System.nanoTime();
                    double lp = WaveRun.lowerBound(scenario, lpSeconds);
                    out.printf(Locale.ROOT, "LB: LP relaxation of the linearised model %.2f%n", lp);
                    if (Double.isNaN(lowerBound) || lp > lowerBound) {
                        lowerBound = lp;
                        method = "lp";
                        lowerBoundSeconds = (System.nanoTime() - start) / 1e9;
                    }
                } catch (IllegalStateException e) {
                    out.println("LB: " + e.getMessage());
                }
            }
        }
        printTable(results, lowerBound);
        if (!Double.isNaN(lowerBound)) {
            out.printf(Locale.ROOT, "LB     %14.2f  (%s, %.3f s)%n", lowerBound,
                    switch (method) {
                        case "lp" -> "LP relaxation of the linearised whole day, HiGHS";
                        case "column-generation" -> "B3's own column generation: its Lagrangian bound at exact costs; the "
                                + "plan-choice LP relaxation once converged";
                        case "relaxation" -> "column generation on its own: its Lagrangian bound at exact costs; the "
                                + "plan-choice LP relaxation once converged";
                        default -> "Lagrangian bound at exact prices";
                    },
                    lowerBoundSeconds);
        }
        for (RunMetrics m : results) {
            out.println(resultLine(options, m, lowerBound));
        }
        if (!Double.isNaN(lowerBound)) {
            out.printf(Locale.ROOT, "RESULT bench=allocation preset=%s engine=LB cost=%.2f method=%s wall_s=%.3f%n",
                    options.preset(), lowerBound, method, lowerBoundSeconds);
        }
        sideBySide.forEach(out::println);
        return results;
    }

    /** One stream, then {@code --threads} streams side by side: prints both, returns their RESULT lines. */
    private List<String> sideBySide(BenchOptions options, String name, AllocationEngine engine, Scenario scenario) {
        SideBySideStreams.Outcome one = SideBySideStreams.run(engine, scenario, 1);
        SideBySideStreams.Outcome many = SideBySideStreams.run(engine, scenario, options.threads());
        out.printf(Locale.ROOT, "%s side by side, each stream the whole day on its own stock and capacity, one engine:%n",
                name);
        out.printf(Locale.ROOT, "%-7s %10s %11s %10s %8s %8s %8s %8s %10s%n", "threads", "decisions", "wall dec/s",
                "dec/CPU-s", "p50 ms", "p99 ms", "CPU p50", "CPU p99", "cores busy");
        List<String> lines = new ArrayList<>();
        double ratio = many.decisionsPerSecond() / one.decisionsPerSecond();
        boolean samePlans = many.samePlansAs(one);
        for (SideBySideStreams.Outcome outcome : List.of(one, many)) {
            RunMetrics all = outcome.all();
            out.printf(Locale.ROOT, "%-7d %10d %11.0f %10.0f %8.3f %8.3f %8.3f %8.3f %10.2f%n", outcome.threads(),
                    outcome.decisions(), outcome.decisionsPerSecond(), all.cpuDecisionsPerSecond(), all.latencyMs(0.50),
                    all.latencyMs(0.99), all.cpuLatencyMs(0.50), all.cpuLatencyMs(0.99), outcome.coresBusy());
            lines.add(String.format(Locale.ROOT, "RESULT bench=allocation-threads preset=%s engine=%s threads=%d "
                            + "decisions=%d wall_s=%.3f decisions_per_s=%.0f cpu_decisions_per_s=%.0f p50_ms=%.3f "
                            + "p99_ms=%.3f cpu_p50_ms=%.3f cpu_p99_ms=%.3f cores_busy=%.2f%s", options.preset(), name,
                    outcome.threads(), outcome.decisions(), outcome.wallSeconds(), outcome.decisionsPerSecond(),
                    all.cpuDecisionsPerSecond(), all.latencyMs(0.50), all.latencyMs(0.99), all.cpuLatencyMs(0.50),
                    all.cpuLatencyMs(0.99), outcome.coresBusy(), outcome == one ? ""
                            : String.format(Locale.ROOT, " ratio_to_1_thread=%.2f same_plans=%s", ratio, samePlans)));
        }
        out.printf(Locale.ROOT, "%s: %d threads make %.2f × one thread's decisions per second of wall time on %d cores "
                        + "(they had %.2f cores busy on average, one thread %.2f); every stream's plans the same as one "
                        + "thread's, order by order: %s%n", name, many.threads(), ratio,
                Runtime.getRuntime().availableProcessors(), many.coresBusy(), one.coresBusy(), samePlans ? "yes" : "NO");
        return lines;
    }

    static Allocator allocator(String name) {
        return switch (name) {
            case "B0" -> new ClosestNodeAllocator();
            case "B1" -> new SingleNodeOrGreedyAllocator();
            case "B2" -> new BranchAndBoundAllocator();
            default -> throw new IllegalArgumentException("unknown engine " + name + " (B0, B1, B2)");
        };
    }

    private static void warmUp(AllocationEngine engine, Scenario scenario, int decisions) {
        int done = 0;
        while (done < decisions) {
            NetworkState state = new NetworkState(scenario);
            for (Order order : scenario.orders()) {
                AllocationResult result = engine.allocate(request(scenario, state, order));
                state.apply(result.plan());
                if (++done >= decisions) {
                    return;
                }
            }
        }
    }

    private static RunMetrics measure(String label, AllocationEngine engine, Scenario scenario) {
        RunMetrics metrics = new RunMetrics(label);
        NetworkState state = new NetworkState(scenario);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long deciding = 0;
        for (Order order : scenario.orders()) {
            AllocationRequest request = request(scenario, state, order);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            AllocationResult result = engine.allocate(request);
            long nanos = System.nanoTime() - before;
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            deciding += nanos;
            state.apply(result.plan());
            metrics.record(result.plan(), nanos);
            metrics.recordCpu(Math.max(1, cpu));
        }
        metrics.wallSeconds((System.nanoTime() - start) / 1e9);
        metrics.decisionSeconds(deciding / 1e9);
        return metrics;
    }

    static AllocationRequest request(Scenario scenario, NetworkState state, Order order) {
        return new AllocationRequest(order, scenario.policy(), state.nodes(), state, scenario.rateCards());
    }

    private void printTable(List<RunMetrics> results, double lowerBound) {
        out.printf(Locale.ROOT, "%-6s %14s %8s %14s %7s %9s %7s %8s %9s %8s %9s %8s %8s %8s%n", "engine", "cost",
                "gap LB %", "cost-unfilled", "split", "ships/ord", "fill", "on-time", "kgCO2/ord", "wall s", "dec/s",
                "p50 ms", "p99 ms", "max ms");
        for (RunMetrics m : results) {
            out.printf(Locale.ROOT, "%-6s %14.2f %8s %14.2f %7.4f %9.3f %7.4f %8.4f %9.4f %8.3f %9.0f %8.3f %8.3f %8.3f%n",
                    m.engine, m.cost(), gap(m, lowerBound), m.costExUnfilled(), m.splitRate(), m.shipmentsPerOrder(), m.fillRate(),
                    m.onTimeRate(), m.co2KgPerOrder(), m.wallSeconds(), m.decisionsPerSecond(), m.latencyMs(0.50),
                    m.latencyMs(0.99), m.latencyMs(1.0));
        }
    }

    private static String gap(RunMetrics m, double lowerBound) {
        return Double.isNaN(lowerBound) || lowerBound <= 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", 100 * (m.cost() - lowerBound) / lowerBound);
    }

    static String resultLine(BenchOptions options, RunMetrics m, double lowerBound) {
        String gap = gap(m, lowerBound);
        return String.format(Locale.ROOT, "RESULT bench=allocation preset=%s engine=%s cost=%.2f%s cost_ex_unfilled=%.2f "
                        + "split_rate=%.4f shipments_per_order=%.4f fill_rate=%.4f on_time_rate=%.4f "
                        + "co2_kg_per_order=%.4f wall_s=%.3f%s decisions_per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%s",
                options.preset(), m.engine, m.cost(), gap.equals("n/a") ? "" : " gap_lb_pct=" + gap,
                m.costExUnfilled(), m.splitRate(), m.shipmentsPerOrder(),
                m.fillRate(), m.onTimeRate(), m.co2KgPerOrder(), m.wallSeconds(),
                m.cpuSeconds() > 0 ? String.format(Locale.ROOT, " cpu_s=%.3f", m.cpuSeconds()) : "",
                m.decisionsPerSecond(), m.latencyMs(0.50), m.latencyMs(0.99), m.latencyMs(1.0), !m.hasCpuTimes() ? ""
                        : String.format(Locale.ROOT, " cpu_decisions_per_s=%.0f cpu_p50_ms=%.3f cpu_p99_ms=%.3f",
                        m.cpuDecisionsPerSecond(), m.cpuLatencyMs(0.50), m.cpuLatencyMs(0.99)));
    }
}
