package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationPlan;
import io.maestro.workers.allocation.AllocationProblem;
import io.maestro.workers.allocation.AllocationRequest;
import io.maestro.workers.allocation.LagrangianBound;
import io.maestro.workers.allocation.Order;
import io.maestro.workers.allocation.WaveOptimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * B3, Maestro batch: the day's orders in consecutive waves (windows) of a fixed size; each wave is one SCIP
 * model over the stock and capacity left by the waves before it, hinted with B2's sequential plans, and its
 * plans are then polished order by order — an order keeps the wave's plan unless B2, given back the units
 * the wave gave it, finds a plan that costs less at exact prices.
 */
final class WaveRun {

    record Outcome(RunMetrics metrics, double modelBound, boolean allOptimal) {
    }

    private final int waveSize;
    private final double secondsPerWave;

    WaveRun(int waveSize, double secondsPerWave) {
        this.waveSize = waveSize;
        this.secondsPerWave = secondsPerWave;
    }

    Outcome run(Scenario scenario) {
        RunMetrics metrics = new RunMetrics("B3");
        AllocationEngine realTime = new AllocationEngine();
        WaveOptimizer optimizer = new WaveOptimizer(secondsPerWave);
        NetworkState state = new NetworkState(scenario);
        boolean allOptimal = true;
        double bound = 0;
        long start = System.nanoTime();
        List<Order> orders = scenario.orders();
        for (int from = 0; from < orders.size(); from += waveSize) {
            long waveStart = System.nanoTime();
            List<Order> wave = orders.subList(from, Math.min(orders.size(), from + waveSize));
            List<AllocationProblem> problems = new ArrayList<>();
            List<int[][]> hints = new ArrayList<>();
            NetworkState scratch = state.copy();
            for (Order order : wave) {
                AllocationProblem problem = AllocationProblem.of(request(scenario, state, order));
                problems.add(problem);
                AllocationPlan sequential = realTime.allocate(request(scenario, scratch, order)).plan();
                scratch.apply(sequential);
                hints.add(problem.takeOf(sequential));
            }
            WaveOptimizer.WaveSolution solution = optimizer.optimise(problems, hints);
            allOptimal &= solution.optimal();
            bound += solution.bound();
            List<AllocationPlan> plans = new ArrayList<>();
            for (int o = 0; o < wave.size(); o++) {
                AllocationPlan plan = problems.get(o).plan(solution.takes().get(o));
                plans.add(plan);
                state.apply(plan);
            }
            for (int o = 0; o < wave.size(); o++) {
                AllocationPlan planned = plans.get(o);
                state.release(planned);
                AllocationPlan polished = realTime.allocate(request(scenario, state, wave.get(o))).plan();
                AllocationPlan kept = polished.totalCost() < planned.totalCost() - 1e-9 ? polished : planned;
                state.apply(kept);
                plans.set(o, kept);
            }
            long perOrder = (System.nanoTime() - waveStart) / wave.size();
            plans.forEach(plan -> metrics.record(plan, perOrder));
        }
        metrics.wallSeconds((System.nanoTime() - start) / 1e9);
        return new Outcome(metrics, bound, allOptimal);
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

    /** The Lagrangian bound of the whole day on the opening stock, at exact prices. */
    static LagrangianBound.Result lagrangianBound(Scenario scenario, int rounds, double upperBound) {
        NetworkState state = new NetworkState(scenario);
        List<AllocationRequest> requests = new ArrayList<>();
        for (Order order : scenario.orders()) {
            requests.add(request(scenario, state, order));
        }
        return new LagrangianBound(rounds).compute(requests, upperBound);
    }

    private static AllocationRequest request(Scenario scenario, NetworkState state, Order order) {
        return new AllocationRequest(order, scenario.policy(), state.nodes(), state, scenario.rateCards());
    }
}
