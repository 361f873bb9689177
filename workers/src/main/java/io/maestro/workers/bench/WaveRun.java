package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationPlan;
import io.maestro.workers.allocation.AllocationProblem;
import io.maestro.workers.allocation.AllocationRequest;
import io.maestro.workers.allocation.LagrangianBound;
import io.maestro.workers.allocation.Order;
import io.maestro.workers.allocation.ShadowPrices;
import io.maestro.workers.allocation.WaveOptimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * B3, Maestro batch, over a day of orders not yet released:
 * <ol>
 *   <li>price stock and capacity with the Lagrangian bound over the whole day (the prices say what a unit
 *       at a node is worth to the other orders);</li>
 *   <li>in consecutive waves (windows) of a fixed size, in arrival order: allocate each order by B2 charging
 *       those prices, then hand the wave to SCIP as one model over the stock and capacity the earlier waves
 *       left, charging the same prices, hinted with the priced plans; keep SCIP's plans if they cost less;</li>
 *   <li>polish order by order: an order keeps its plan unless B2, given back the units it holds, finds a
 *       cheaper one with everything else fixed (prices still charged).</li>
 * </ol>
 */
final class WaveRun {

    record Outcome(RunMetrics metrics, int waves, int wavesProvenOptimal) {
    }

    private final int waveSize;
    private final double secondsPerWave;

    WaveRun(int waveSize, double secondsPerWave) {
        this.waveSize = waveSize;
        this.secondsPerWave = secondsPerWave;
    }

    /** @param pricing the day's Lagrangian bound, and the seconds it took (charged to B3's wall time) */
    Outcome run(Scenario scenario, LagrangianBound.Result pricing, double pricingSeconds) {
        RunMetrics metrics = new RunMetrics("B3");
        AllocationEngine realTime = new AllocationEngine();
        WaveOptimizer optimizer = new WaveOptimizer(secondsPerWave);
        ShadowPrices prices = pricing.prices();
        NetworkState state = new NetworkState(scenario);
        int waves = 0;
        int optimal = 0;
        long start = System.nanoTime();
        List<Order> orders = scenario.orders();
        for (int from = 0; from < orders.size(); from += waveSize) {
            long waveStart = System.nanoTime();
            List<Order> wave = orders.subList(from, Math.min(orders.size(), from + waveSize));
            List<AllocationProblem> problems = new ArrayList<>();
            List<int[][]> hints = new ArrayList<>();
            NetworkState scratch = state.copy();
            double hintCost = 0;
            for (Order order : wave) {
                AllocationProblem problem = AllocationProblem.of(request(scenario, state, order), prices);
                problems.add(problem);
                AllocationPlan plan = realTime.allocate(request(scenario, scratch, order), prices).plan();
                scratch.apply(plan);
                int[][] take = problem.takeOf(plan);
                hints.add(take);
                hintCost += problem.evaluate(take);
            }
            WaveOptimizer.WaveSolution solution = optimizer.optimise(problems, hints);
            waves++;
            optimal += solution.optimal() ? 1 : 0;
            double solvedCost = 0;
            for (int o = 0; o < wave.size(); o++) {
                solvedCost += problems.get(o).evaluate(solution.takes().get(o));
            }
            List<int[][]> chosen = solvedCost < hintCost ? solution.takes() : hints;
            List<AllocationPlan> plans = new ArrayList<>();
            for (int o = 0; o < wave.size(); o++) {
                AllocationPlan plan = problems.get(o).plan(chosen.get(o));
                plans.add(plan);
                state.apply(plan);
            }
            for (int o = 0; o < wave.size(); o++) {
                AllocationPlan planned = plans.get(o);
                state.release(planned);
                AllocationRequest again = request(scenario, state, wave.get(o));
                AllocationPlan polished = realTime.allocate(again, prices).plan();
                AllocationProblem priced = AllocationProblem.of(again, prices);
                boolean better = priced.evaluate(priced.takeOf(polished))
                        < priced.evaluate(priced.takeOf(planned)) - 1e-9;
                AllocationPlan kept = better ? polished : planned;
                state.apply(kept);
                plans.set(o, kept);
            }
            long perOrder = (System.nanoTime() - waveStart) / wave.size();
            plans.forEach(plan -> metrics.record(plan, perOrder));
        }
        metrics.wallSeconds(pricingSeconds + (System.nanoTime() - start) / 1e9);
        return new Outcome(metrics, waves, optimal);
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
