package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.batch.CandidatePlanOptimizer;
import io.maestro.workers.allocation.batch.LagrangianBound;
import io.maestro.workers.allocation.batch.WaveOptimizer;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B3, Maestro batch, over a day of orders not yet released, decomposed into windows of consecutive orders:
 * <ol>
 *   <li>each window gets what earlier windows left (or, with {@code --pro-rata}, a pro-rata share of it: of
 *       each SKU at each node its part of the demand still to come for that SKU, of each node's capacity its
 *       part of the units still to come);</li>
 *   <li>B2 allocates the window's orders one after another on it: the starting plans;</li>
 *   <li>{@link CandidatePlanOptimizer} re-optimises the window as a whole by column generation (candidate
 *       plans per order priced by B2 at the relaxation's prices of stock and capacity) and a set-partitioning
 *       MIP in SCIP warm-started with the starting plans, within the window's part of the time;</li>
 *   <li>the window's plans are applied; what is left goes on to the next windows.</li>
 * </ol>
 * A single window's column generation also proves a lower bound for the whole day; with several windows the
 * day's bound is the Lagrangian bound of all orders on the opening stock, started from the windows' mean
 * prices.
 */
final class WaveRun {

    /** The batch's figures, the number of windows, those proven optimal, and the last windows' prices. */
    record Outcome(RunMetrics metrics, int windows, int windowsProvenOptimal, double bound, boolean boundValid,
                   Map<String, Double> prices, int rounds, int columns) {
    }

    /** Share of a window's time for pricing; SCIP has the rest. */
    private static final double PRICING_SHARE = 0.75;

    private final int windowSize;
    private final double seconds;
    private final boolean proRata;

    /** @param proRata whether a window gets a pro-rata share of what is left, or all of it */
    WaveRun(int windowSize, double seconds, boolean proRata) {
        this.windowSize = windowSize;
        this.seconds = seconds;
        this.proRata = proRata;
    }

    Outcome run(Scenario scenario) {
        RunMetrics metrics = new RunMetrics("B3");
        AllocationEngine realTime = new AllocationEngine();
        NetworkState state = new NetworkState(scenario);
        List<Order> orders = scenario.orders();
        int windows = (orders.size() + windowSize - 1) / windowSize;
        int optimal = 0;
        int rounds = 0;
        int columns = 0;
        double bound = Double.NaN;
        boolean boundValid = true;
        Map<String, Double> priceSum = new HashMap<>();
        long start = System.nanoTime();
        long cpuStart = CandidatePlanOptimizer.clockNanos();
        for (int w = 0; w < windows; w++) {
            long windowStart = System.nanoTime();
            long windowCpuStart = CandidatePlanOptimizer.clockNanos();
            int from = w * windowSize;
            List<Order> window = orders.subList(from, Math.min(orders.size(), from + windowSize));
            NetworkState share = proRata && windows > 1 ? state.share(window, orders.subList(from, orders.size()))
                    : state.copy();
            double budget = (seconds - (windowCpuStart - cpuStart) / 1e9) / (windows - w);
            List<AllocationProblem> problems = new ArrayList<>();
            List<int[][]> starts = new ArrayList<>();
            startingPlans(scenario, share, window, realTime, problems, starts);
            CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(
                    Math.max(0.5, budget - (CandidatePlanOptimizer.clockNanos() - windowCpuStart) / 1e9), PRICING_SHARE)
                    .optimise(problems, starts);
            optimal += solution.optimal() ? 1 : 0;
            rounds += solution.rounds();
            columns += solution.columns();
            if (windows == 1) {
                bound = solution.bound();
                boundValid = solution.boundValid();
            }
            solution.prices().forEach((key, price) -> priceSum.merge(key, price, Double::sum));
            long perOrder = (System.nanoTime() - windowStart) / window.size();
            for (int o = 0; o < window.size(); o++) {
                AllocationPlan plan = problems.get(o).plan(solution.takes().get(o));
                state.apply(plan);
                metrics.record(plan, perOrder);
            }
        }
        metrics.wallSeconds((System.nanoTime() - start) / 1e9);
        metrics.cpuSeconds((CandidatePlanOptimizer.clockNanos() - cpuStart) / 1e9);
        Map<String, Double> meanPrices = new HashMap<>();
        priceSum.forEach((key, sum) -> meanPrices.put(key, sum / windows));
        return new Outcome(metrics, windows, optimal, bound, boundValid, meanPrices, rounds, columns);
    }

    /**
     * The orders' problems on {@code share}, and B2's plans for them one after another on it: the starting plans
     * (and first candidates) of column generation.
     */
    private static void startingPlans(Scenario scenario, NetworkState share, List<Order> window,
                                      AllocationEngine realTime, List<AllocationProblem> problems,
                                      List<int[][]> starts) {
        NetworkState scratch = share.copy();
        for (Order order : window) {
            AllocationProblem problem = AllocationProblem.of(request(scenario, share, order));
            AllocationPlan plan = realTime.allocate(request(scenario, scratch, order)).plan();
            scratch.apply(plan);
            problems.add(problem);
            starts.add(problem.takeOf(plan));
        }
    }

    /**
     * The plan-choice LP relaxation of the whole day on the opening stock, by column generation on its own for at
     * most {@code seconds} of CPU time (B3's own bound stops where its pricing time ends): a lower bound for every
     * engine, and the LP relaxation's value once converged.
     */
    static CandidatePlanOptimizer.RelaxationBound relaxationBound(Scenario scenario, double seconds) {
        List<AllocationProblem> problems = new ArrayList<>();
        List<int[][]> starts = new ArrayList<>();
        startingPlans(scenario, new NetworkState(scenario), scenario.orders(), new AllocationEngine(), problems, starts);
        return new CandidatePlanOptimizer(seconds, 1).relaxationBound(problems, starts);
    }

    /** The LP relaxation of the whole day on the opening stock: a lower bound for every engine. */
    static double lowerBound(Scenario scenario, double seconds) {
        NetworkState state = new NetworkState(scenario);
        List<AllocationProblem> problems = new ArrayList<>();
        for (Order order : scenario.orders()) {
            problems.add(AllocationProblem.of(request(scenario, state, order)));
        }
        return new WaveOptimizer(seconds).lowerBound(problems);
    }

    /** The Lagrangian bound of the whole day on the opening stock, at exact prices, from {@code startPrices}. */
    static LagrangianBound.Result lagrangianBound(Scenario scenario, int rounds, double upperBound,
                                                  Map<String, Double> startPrices) {
        NetworkState state = new NetworkState(scenario);
        List<AllocationRequest> requests = new ArrayList<>();
        for (Order order : scenario.orders()) {
            requests.add(request(scenario, state, order));
        }
        return new LagrangianBound(rounds).compute(requests, upperBound, startPrices);
    }

    /** What the day costs allocated by B1 on the opening stock, one order after another. */
    static double fewestSplitsCost(Scenario scenario) {
        AllocationEngine fewestSplits = new AllocationEngine(AllocationBenchmark.allocator("B1"));
        NetworkState state = new NetworkState(scenario);
        double cost = 0;
        for (Order order : scenario.orders()) {
            AllocationPlan plan = fewestSplits.allocate(request(scenario, state, order)).plan();
            state.apply(plan);
            cost += plan.totalCost();
        }
        return cost;
    }

    private static AllocationRequest request(Scenario scenario, NetworkState state, Order order) {
        return new AllocationRequest(order, scenario.policy(), state.nodes(), state, scenario.rateCards());
    }
}
