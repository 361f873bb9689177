package io.maestro.workers.allocation.batch;

import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.Shipment;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CandidatePlanOptimizerTest {

    private static final GeoPoint[] CUSTOMERS = {Fixtures.NEW_YORK_10001, Fixtures.CHICAGO, Fixtures.OLEAN_14760,
            Fixtures.LOS_ANGELES, Fixtures.MANHATTAN_10011};
    private static final String[] SKUS = {"X", "Y"};

    /** Chicago first takes Brooklyn; seen together, Chicago takes Los Angeles and New York Brooklyn — proven. */
    @Test
    void aWaveGivesScarceStockToTheOrderThatNeedsItMostAndProvesIt() {
        List<Node> nodes = List.of(Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
                Fixtures.dc("LAX", "Los Angeles DC", Fixtures.LOS_ANGELES));
        Map<String, Map<String, Integer>> stock = new HashMap<>(Map.of("BKN", Map.of("X", 1), "LAX", Map.of("X", 1)));
        List<Order> orders = List.of(Order.ship("CHI", Fixtures.CHICAGO, 2, List.of(line("X", 1))),
                Order.ship("NYC", Fixtures.NEW_YORK_10001, 2, List.of(line("X", 1))));
        Wave wave = Wave.of(orders, nodes, stock);

        CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(10, 0.75)
                .optimise(wave.problems, wave.starts);

        assertThat(wave.problems.get(0).plan(wave.starts.get(0)).shipments().get(0).nodeId()).isEqualTo("BKN");
        assertThat(wave.problems.get(0).plan(solution.takes().get(0)).shipments().get(0).nodeId()).isEqualTo("LAX");
        assertThat(wave.problems.get(1).plan(solution.takes().get(1)).shipments().get(0).nodeId()).isEqualTo("BKN");
        assertThat(solution.cost()).isLessThan(wave.startCost());
        assertThat(solution.optimal()).isTrue();
        assertThat(solution.bound()).isCloseTo(solution.cost(), within(1e-3));
        assertThat(solution.prices()).containsKey("BKN|X");
    }

    /** On small random waves the bound never exceeds the true joint optimum, and the plans keep the stock. */
    @Property(tries = 60)
    void theBoundIsBelowTheJointOptimumAndThePlansShareTheStock(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(10, 0.75)
                .optimise(wave.problems, wave.starts);
        double optimum = wave.jointOptimum();

        assertBoundedFeasibleAndNoDearerThanTheStart(wave, solution, optimum);
        if (solution.optimal()) {
            assertThat(solution.cost()).isCloseTo(optimum, within(1e-4 * optimum + 1e-6));
        }
    }

    /**
     * Waves too large for an LP solver take their prices from the volume algorithm and choose by them: the bound
     * still never exceeds the joint optimum, and the plans keep the stock and never cost more than the start.
     */
    @Property(tries = 40)
    void largeWavesPricedWithoutAnLpStillBoundAndKeepTheStock(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(1, 0.75, 0)
                .optimise(wave.problems, wave.starts);

        assertBoundedFeasibleAndNoDearerThanTheStart(wave, solution, wave.jointOptimum());
    }

    /**
     * With time to spare, a large wave's choice goes through the neighbourhood search (SCIP re-choosing groups of
     * orders with the others fixed): it never returns a choice that breaks the limits or costs more than the start,
     * and never one below the joint optimum.
     */
    @Property(tries = 60)
    void theNeighbourhoodSearchNeverReturnsADearerOrInfeasibleChoice(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(4, 0.25, 0)
                .optimise(wave.problems, wave.starts);

        assertBoundedFeasibleAndNoDearerThanTheStart(wave, solution, wave.jointOptimum());
    }

    /**
     * Rounding a large wave's relaxed choice: an order takes the candidate the relaxation gives at least half of it,
     * else its cheapest candidate at the prices; candidates added after the relaxation was solved count as 0.
     */
    @Property(tries = 200)
    void roundingTakesTheCandidateTheRelaxationGivesHalfTheOrderElseTheCheapestAtThePrices(@ForAll long seed) {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(5);
        List<Integer> candidates = new ArrayList<>();
        double[] priced = new double[count];
        for (int c = 0; c < count; c++) {
            candidates.add(c);
            priced[c] = random.nextInt(20);
        }
        int solved = random.nextInt(count + 1);
        double[] relaxation = new double[solved];
        double share = 1;
        for (int c = 0; c < solved; c++) {
            relaxation[c] = c == solved - 1 ? share : share * random.nextDouble();
            share -= relaxation[c];
        }

        int chosen = CandidatePlanOptimizer.rounded(candidates, relaxation, priced);

        int half = -1;
        for (int c = 0; c < solved; c++) {
            if (relaxation[c] >= 0.5) {
                half = c;
            }
        }
        if (half >= 0) {
            assertThat(chosen).isEqualTo(half);
        } else {
            for (int c = 0; c < count; c++) {
                assertThat(priced[chosen]).isLessThanOrEqualTo(priced[c]);
            }
        }
    }

    /** The bound never exceeds the joint optimum, the plans keep the limits, and they never cost more than the start. */
    private static void assertBoundedFeasibleAndNoDearerThanTheStart(Wave wave, CandidatePlanOptimizer.Solution solution,
                                                                     double optimum) {
        assertThat(solution.boundValid()).isTrue();
        assertThat(solution.bound()).isLessThanOrEqualTo(optimum + 1e-6);
        assertThat(solution.cost()).isGreaterThanOrEqualTo(optimum - 1e-6);
        assertThat(solution.cost()).isLessThanOrEqualTo(wave.startCost() + 1e-6);
        assertThat(wave.keepsTheLimits(solution.takes())).isTrue();
    }

    /**
     * The proof stage: with every plan whose reduced cost is within the gap among the candidates, SCIP's
     * optimum over them is the joint optimum found by brute force, and it says so.
     */
    @Property(tries = 40)
    void onTinyWavesTheProvenChoiceIsTheJointOptimum(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.Solution solution = new CandidatePlanOptimizer(10, 0.75)
                .optimise(wave.problems, wave.starts);
        double optimum = wave.jointOptimum();

        assertThat(solution.optimal()).isTrue();
        assertThat(solution.cost()).isCloseTo(optimum, within(1e-4 * optimum + 1e-6));
        assertThat(solution.bound()).isLessThanOrEqualTo(optimum + 1e-6);
        assertThat(wave.keepsTheLimits(solution.takes())).isTrue();
    }

    /**
     * Column generation on its own (the benchmark's LB) converges on small waves to the LP relaxation of the
     * plan choice over every plan of every order, solved whole by GLOP.
     */
    @Property(tries = 60)
    void onItsOwnColumnGenerationReachesTheLpRelaxationOverEveryPlan(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.RelaxationBound bound = new CandidatePlanOptimizer(10, 1)
                .relaxationBound(wave.problems, wave.starts);
        double relaxation = wave.relaxationOverEveryPlan();

        assertThat(bound.valid()).isTrue();
        assertThat(bound.converged()).isTrue();
        assertThat(bound.bound()).as("a lower bound").isLessThanOrEqualTo(relaxation + 1e-6);
        assertThat(bound.bound()).as("converged: within the gap the search stops at")
                .isCloseTo(relaxation, within(CandidatePlanOptimizer.GAP_TO_STOP * relaxation + 1e-6));
        assertThat(bound.relaxation()).isCloseTo(relaxation, within(1e-4 * relaxation + 1e-6));
    }

    /** A wave whose bound converged 2.3e-6 below the relaxation: within the gap, so converged. */
    @Example
    void aBoundWithinTheStoppingGapIsConverged() {
        onItsOwnColumnGenerationReachesTheLpRelaxationOverEveryPlan(-2584);
    }

    /**
     * Large waves start on the volume algorithm: their bound never exceeds the LP relaxation, and meets it once
     * converged.
     */
    @Property(tries = 30)
    void onItsOwnALargeWavesBoundNeverExceedsTheLpRelaxation(@ForAll long seed) {
        Wave wave = randomWave(new Random(seed));

        CandidatePlanOptimizer.RelaxationBound bound = new CandidatePlanOptimizer(1, 1, 0)
                .relaxationBound(wave.problems, wave.starts);
        double relaxation = wave.relaxationOverEveryPlan();

        assertThat(bound.valid()).isTrue();
        assertThat(bound.bound()).isLessThanOrEqualTo(relaxation + 1e-6);
        if (bound.converged()) {
            assertThat(bound.bound()).isCloseTo(relaxation, within(1e-4 * relaxation + 1e-6));
        }
    }

    /** Two or three nodes, two or three orders of one or two lines, on little stock and capacity. */
    private static Wave randomWave(Random random) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Map<String, Integer>> stock = new HashMap<>();
        GeoPoint[] sites = {Fixtures.BROOKLYN_11232, Fixtures.CHICAGO, Fixtures.LOS_ANGELES};
        for (int n = 0; n < 2 + random.nextInt(2); n++) {
            Node node = Fixtures.dc("N" + n, "Node " + n, sites[n]);
            nodes.add(random.nextInt(3) == 0 ? node.withRemainingCapacity(1 + random.nextInt(2), Node.UNLIMITED) : node);
            stock.put("N" + n, Map.of("X", random.nextInt(3), "Y", random.nextInt(3)));
        }
        List<Order> orders = new ArrayList<>();
        for (int o = 0; o < 2 + random.nextInt(2); o++) {
            List<OrderLine> lines = new ArrayList<>();
            lines.add(line(SKUS[random.nextInt(2)], 1 + random.nextInt(2)));
            if (random.nextBoolean()) {
                lines.add(line(lines.get(0).sku().equals("X") ? "Y" : "X", 1));
            }
            orders.add(Order.ship("O" + o, CUSTOMERS[random.nextInt(CUSTOMERS.length)], 2 + random.nextInt(3), lines));
        }
        return Wave.of(orders, nodes, stock);

    }

    /** A wave on one snapshot: each order's problem, the real-time plans one after another, the joint optimum. */
    private record Wave(List<AllocationProblem> problems, List<int[][]> starts, List<Node> nodes,
                        Map<String, Map<String, Integer>> stock) {

        static Wave of(List<Order> orders, List<Node> nodes, Map<String, Map<String, Integer>> stock) {
            AtpSnapshot opening = AtpSnapshot.of(stock);
            Map<String, Map<String, Integer>> left = new HashMap<>();
            stock.forEach((node, skus) -> left.put(node, new HashMap<>(skus)));
            Map<String, Integer> capacity = new HashMap<>();
            nodes.forEach(n -> capacity.put(n.id(), n.remainingUnitsToday()));
            List<AllocationProblem> problems = new ArrayList<>();
            List<int[][]> starts = new ArrayList<>();
            AllocationEngine realTime = new AllocationEngine();
            for (Order order : orders) {
                AllocationProblem problem = AllocationProblem.of(
                        Fixtures.request(order, Policy.balanced(), nodes, opening));
                List<Node> now = nodes.stream().map(n -> n.remainingUnitsToday() == Node.UNLIMITED ? n
                        : n.withRemainingCapacity(capacity.get(n.id()), Node.UNLIMITED)).toList();
                AllocationPlan plan = realTime.allocate(Fixtures.request(order, Policy.balanced(), now,
                        AtpSnapshot.of(left))).plan();
                for (Shipment s : plan.shipments()) {
                    for (OrderLine l : s.lines()) {
                        left.get(s.nodeId()).merge(l.sku(), -l.quantity(), Integer::sum);
                    }
                    capacity.computeIfPresent(s.nodeId(), (id, c) -> c == Node.UNLIMITED ? c : c - s.units());
                }
                problems.add(problem);
                starts.add(problem.takeOf(plan));
            }
            return new Wave(problems, starts, nodes, stock);
        }

        double startCost() {
            double cost = 0;
            for (int o = 0; o < problems.size(); o++) {
                cost += problems.get(o).evaluate(starts.get(o));
            }
            return cost;
        }

        boolean keepsTheLimits(List<int[][]> takes) {
            Map<String, Integer> used = new HashMap<>();
            Map<String, Integer> units = new HashMap<>();
            for (int o = 0; o < problems.size(); o++) {
                AllocationProblem p = problems.get(o);
                if (!p.feasible(takes.get(o))) {
                    return false;
                }
                for (int i = 0; i < p.lineCount(); i++) {
                    for (int n = 0; n < p.nodeCount(); n++) {
                        used.merge(p.nodes[n].id() + "|" + p.lines[i].sku(), takes.get(o)[i][n], Integer::sum);
                        units.merge(p.nodes[n].id(), takes.get(o)[i][n], Integer::sum);
                    }
                }
            }
            for (Node node : nodes) {
                if (units.getOrDefault(node.id(), 0) > node.remainingUnitsToday()) {
                    return false;
                }
                for (String sku : SKUS) {
                    int have = stock.getOrDefault(node.id(), Map.of()).getOrDefault(sku, 0);
                    if (used.getOrDefault(node.id() + "|" + sku, 0) > have) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Every combination of every order's feasible plans that keeps the shared limits: the cheapest. */
        double jointOptimum() {
            return cheapest(everyPlan(), 0, new ArrayList<>());
        }

        /** Per order, every feasible plan. */
        private List<List<int[][]>> everyPlan() {
            List<List<int[][]>> plans = new ArrayList<>();
            for (AllocationProblem p : problems) {
                List<int[][]> all = new ArrayList<>();
                enumerate(p, 0, p.nothing(), all);
                plans.add(all);
            }
            return plans;
        }

        /**
         * The LP relaxation of the plan choice over every plan: each order a share 0..1 of each of its plans, its
         * shares summing to 1, within each node's stock per SKU and its capacity.
         */
        double relaxationOverEveryPlan() {
            WaveOptimizer.loadNatives();
            MPSolver lp = MPSolver.createSolver("GLOP");
            try {
                Map<String, MPConstraint> limits = new HashMap<>();
                for (Node node : nodes) {
                    if (node.remainingUnitsToday() != Node.UNLIMITED) {
                        limits.put(node.id(), lp.makeConstraint(Double.NEGATIVE_INFINITY, node.remainingUnitsToday()));
                    }
                    for (String sku : SKUS) {
                        limits.put(node.id() + "|" + sku, lp.makeConstraint(Double.NEGATIVE_INFINITY,
                                stock.getOrDefault(node.id(), Map.of()).getOrDefault(sku, 0)));
                    }
                }
                List<List<int[][]>> plans = everyPlan();
                for (int o = 0; o < problems.size(); o++) {
                    AllocationProblem p = problems.get(o);
                    MPConstraint one = lp.makeConstraint(1, 1);
                    for (int[][] take : plans.get(o)) {
                        MPVariable share = lp.makeNumVar(0, 1, "");
                        one.setCoefficient(share, 1);
                        lp.objective().setCoefficient(share, p.evaluate(take));
                        for (int n = 0; n < p.nodeCount(); n++) {
                            for (int i = 0; i < p.lineCount(); i++) {
                                if (take[i][n] > 0) {
                                    String node = p.nodes[n].id();
                                    MPConstraint units = limits.get(node);
                                    if (units != null) {
                                        units.setCoefficient(share, units.getCoefficient(share) + take[i][n]);
                                    }
                                    MPConstraint sku = limits.get(node + "|" + p.lines[i].sku());
                                    sku.setCoefficient(share, sku.getCoefficient(share) + take[i][n]);
                                }
                            }
                        }
                    }
                }
                lp.objective().setMinimization();
                assertThat(lp.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
                return lp.objective().value();
            } finally {
                lp.delete();
            }
        }

        private double cheapest(List<List<int[][]>> plans, int o, List<int[][]> chosen) {
            if (o == plans.size()) {
                if (!keepsTheLimits(chosen)) {
                    return Double.POSITIVE_INFINITY;
                }
                double cost = 0;
                for (int k = 0; k < chosen.size(); k++) {
                    cost += problems.get(k).evaluate(chosen.get(k));
                }
                return cost;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int[][] take : plans.get(o)) {
                chosen.add(take);
                best = Math.min(best, cheapest(plans, o + 1, chosen));
                chosen.remove(chosen.size() - 1);
            }
            return best;
        }

        private static void enumerate(AllocationProblem p, int cell, int[][] take, List<int[][]> out) {
            int lines = p.lineCount();
            if (cell == lines * p.nodeCount()) {
                if (p.feasible(take)) {
                    out.add(AllocationProblem.copy(take));
                }
                return;
            }
            int i = cell % lines;
            int n = cell / lines;
            for (int units = 0; units <= p.qty[i]; units++) {
                take[i][n] = units;
                enumerate(p, cell + 1, take, out);
            }
            take[i][n] = 0;
        }
    }
}
