package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.explain.AlternativeExplainer;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.problem.PlanBuilder;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import io.maestro.workers.geo.CityTable;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark only: where a decision of the real-time optimiser (B2) spends its time, in the steps
 * {@code AllocationEngine.allocate} takes — building the order's problem, the search (with its starting plan),
 * the plan, the passed-over nodes — and the timeline's text, which the benchmark's decisions do not render.
 * The day is replayed {@code --replays} times (default 3) and the last replay measured, so the JIT has settled;
 * a step's CPU per decision is the replay's thread CPU time times the step's share of the replay's wall-clock time
 * (the rest is the benchmark's own bookkeeping). The floor: the search
 * alone, again on the problems of every 5th order of the measured replay, built beforehand.
 * Run: {@code RealTimePhases --preset L --lines 10 [--seed N] [--replays N]}.
 */
public final class RealTimePhases {

    private static final int FLOOR_EVERY = 5;
    private static final int FLOOR_REPEATS = 5;

    private final PrintStream out;

    RealTimePhases(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        List<String> benchArgs = new ArrayList<>();
        int replays = 3;
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--replays") && a + 1 < args.length) {
                replays = Integer.parseInt(args[++a]);
            } else {
                benchArgs.add(args[a]);
            }
        }
        new RealTimePhases(System.out).run(BenchOptions.parse(benchArgs.toArray(String[]::new)), replays);
    }

    /** Per decision in µs of CPU: build, search, plan, explain, all of them, text; then the search alone. */
    double[] run(BenchOptions options, int replays) {
        Scenario scenario = new ScenarioGenerator(CityTable.load()).generate(options);
        BranchAndBoundAllocator optimiser = new BranchAndBoundAllocator();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[5];
        long cpu = 0;
        long passWall = 1;
        long characters = 0;
        double cost = 0;
        List<AllocationProblem> prebuilt = new ArrayList<>();
        for (int replay = 0; replay < replays; replay++) {
            boolean measured = replay == replays - 1;
            java.util.Arrays.fill(wall, 0);
            cost = 0;
            NetworkState state = new NetworkState(scenario);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long passStart = System.nanoTime();
            int index = 0;
            for (Order order : scenario.orders()) {
                AllocationRequest request = AllocationBenchmark.request(scenario, state, order);
                long t0 = System.nanoTime();
                AllocationProblem problem = AllocationProblem.of(request);
                long t1 = System.nanoTime();
                Assignment assignment = optimiser.assign(problem);
                int[][] take = assignment.shared();
                long t2 = System.nanoTime();
                if (!problem.feasible(take)) {
                    throw new IllegalStateException("infeasible plan for order " + order.orderId());
                }
                AllocationPlan plan = PlanBuilder.build(problem, take);
                long t3 = System.nanoTime();
                List<RejectedAlternative> alternatives = AlternativeExplainer.explain(problem, take, plan);
                long t4 = System.nanoTime();
                String text = new AllocationResult(plan, alternatives, assignment.explored(), assignment.proven(),
                        optimiser.name()).explanation();
                long t5 = System.nanoTime();
                wall[0] += t1 - t0;
                wall[1] += t2 - t1;
                wall[2] += t3 - t2;
                wall[3] += t4 - t3;
                wall[4] += t5 - t4;
                characters += text.length();
                cost += plan.totalCost();
                state.apply(plan);
                if (measured && index++ % FLOOR_EVERY == 0) {
                    prebuilt.add(problem);
                }
            }
            cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            passWall = System.nanoTime() - passStart;
        }
        int decisions = scenario.orders().size();
        double[] micros = new double[7];
        for (int step = 0; step < 5; step++) {
            micros[step < 4 ? step : 5] = cpu / 1e3 / decisions * wall[step] / passWall;
        }
        micros[4] = micros[0] + micros[1] + micros[2] + micros[3];
        long floorCpu = Long.MAX_VALUE;
        for (int repeat = 0; repeat < FLOOR_REPEATS; repeat++) {
            long before = threads.getCurrentThreadCpuTime();
            for (AllocationProblem problem : prebuilt) {
                optimiser.assign(problem);
            }
            floorCpu = Math.min(floorCpu, threads.getCurrentThreadCpuTime() - before);
        }
        micros[6] = floorCpu / 1e3 / prebuilt.size();
        out.printf(Locale.ROOT, "real-time optimiser (B2) by step: preset %s, seed %d, %d orders, replay %d of %d "
                        + "measured, total cost %.2f, %d characters of explanation%n", options.preset(), options.seed(),
                decisions, replays, replays, cost, characters);
        String[] names = {"build the order's problem", "search (with its starting plan)", "plan",
                "explain (passed-over nodes)"};
        for (int step = 0; step < 4; step++) {
            out.printf(Locale.ROOT, "  %-34s %7.1f µs CPU per decision (%4.1f %%)%n", names[step], micros[step],
                    100 * micros[step] / micros[4]);
        }
        out.printf(Locale.ROOT, "  %-34s %7.1f µs CPU per decision = %.0f decisions per CPU-second%n", "a decision",
                micros[4], 1e6 / micros[4]);
        out.printf(Locale.ROOT, "  %-34s %7.1f µs CPU per decision (the timeline's text; not in the benchmark)%n",
                "explanation()", micros[5]);
        out.printf(Locale.ROOT, "  %-34s %7.1f µs CPU per decision (%d prebuilt problems, best of %d)%n",
                "floor: the search alone", micros[6], prebuilt.size(), FLOOR_REPEATS);
        out.printf(Locale.ROOT, "RESULT bench=realtime-phases preset=%s build_us=%.1f search_us=%.1f plan_us=%.1f "
                        + "explain_us=%.1f decision_us=%.1f text_us=%.1f search_floor_us=%.1f%n", options.preset(),
                micros[0], micros[1], micros[2], micros[3], micros[4], micros[5], micros[6]);
        return micros;
    }
}
