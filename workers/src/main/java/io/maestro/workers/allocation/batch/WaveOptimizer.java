package io.maestro.workers.allocation.batch;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch (wave) allocation: many orders at once, competing for the same stock and node capacity, as one
 * mixed-integer programme solved by SCIP — or its LP relaxation solved by HiGHS, which bounds from below
 * what any allocation of these orders can cost.
 *
 * <p>Per order o, line i, node n: x = units shipped (integer), y = parcel opened (binary), s = extra parcels.
 * The parcel's cost is modelled linearly — a fixed part per parcel plus a part per unit — by the largest
 * line that never exceeds the real cost (exact for the literature's per-unit-mile card; within one weight
 * break for zone cards), so the relaxation is a valid lower bound. Plans are re-costed exactly afterwards.
 * Problems built with {@link ShadowPrices} also charge those per unit, so that a wave leaves stock that later
 * orders need more.
 */
public final class WaveOptimizer {

    /** The decided units per order (in each order's own problem indices), and what the solver proved. */
    public record WaveSolution(List<int[][]> takes, double modelCost, double bound, boolean optimal,
                               double seconds) {
    }

    /** HiGHS solves the relaxation of a day of orders several times faster than GLOP here. */
    private static final String LP_SOLVER = "HIGHS";

    private static volatile boolean loaded;

    private final double timeLimitSeconds;

    public WaveOptimizer(double timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
    }

    static void loadNatives() {
        if (!loaded) {
            synchronized (WaveOptimizer.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /** The best integer plan SCIP finds within the time limit, starting from {@code hints} when given. */
    public WaveSolution optimise(List<AllocationProblem> orders, List<int[][]> hints) {
        return solve(orders, hints, false);
    }

    /** The LP relaxation's optimum: no allocation of these orders on this stock costs less. */
    public double lowerBound(List<AllocationProblem> orders) {
        return solve(orders, null, true).bound();
    }

    private WaveSolution solve(List<AllocationProblem> orders, List<int[][]> hints, boolean relaxed) {
        loadNatives();
        long start = System.nanoTime();
        String engine = relaxed ? LP_SOLVER : "SCIP";
        MPSolver solver = MPSolver.createSolver(engine);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools solver " + engine + " is not available");
        }
        try {
            solver.suppressOutput();
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            Model model = new Model(solver, orders, relaxed);
            if (hints != null) {
                model.hint(hints);
            }
            MPSolver.ResultStatus status = solver.solve();
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            if (relaxed && !optimal) {
                throw new IllegalStateException("LP relaxation of " + orders.size() + " orders not solved to optimality"
                        + " within " + timeLimitSeconds + " s: " + status);
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                throw new IllegalStateException("wave of " + orders.size() + " orders not solved: " + status);
            }
            double cost = solver.objective().value();
            double bound = relaxed ? cost : solver.objective().bestBound();
            return new WaveSolution(relaxed ? List.of() : model.takes(), cost, bound, optimal, seconds);
        } finally {
            solver.delete();
        }
    }

    private static final class Model {
        private final MPSolver solver;
        private final List<AllocationProblem> orders;
        private final List<MPVariable[][]> x = new ArrayList<>();
        private final List<MPVariable[]> y = new ArrayList<>();

        Model(MPSolver solver, List<AllocationProblem> orders, boolean relaxed) {
            this.solver = solver;
            this.orders = orders;
            MPObjective objective = solver.objective();
            objective.setMinimization();
            Map<String, MPConstraint> stock = new HashMap<>();
            Map<String, MPConstraint> capacity = new HashMap<>();
            double constant = 0;
            for (int o = 0; o < orders.size(); o++) {
                AllocationProblem p = orders.get(o);
                int lines = p.lineCount();
                int nodes = p.nodeCount();
                MPVariable[][] xo = new MPVariable[lines][nodes];
                MPVariable[] yo = new MPVariable[nodes];
                MPConstraint parcels = solver.makeConstraint(0, p.maxShipments);
                MPVariable extra = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "s" + o);
                MPConstraint split = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1);
                split.setCoefficient(extra, -1);
                objective.setCoefficient(extra, p.rules.splitPenalty(2));
                MPVariable complete = p.allOrNothing ? newVar(relaxed, 0, 1, "f" + o) : null;
                for (int i = 0; i < lines; i++) {
                    constant += p.unfilledPerUnit * p.qty[i];
                    MPConstraint line = complete == null ? solver.makeConstraint(0, p.qty[i])
                            : solver.makeConstraint(0, 0);
                    if (complete != null) {
                        line.setCoefficient(complete, -p.qty[i]);
                    }
                    for (int n : p.options[i]) {
                        int most = Math.min(p.qty[i], Math.min(p.avail[n][p.sku[i]], p.capUnits[n]));
                        if (yo[n] == null) {
                            yo[n] = newVar(relaxed, 0, 1, "y" + o + "_" + n);
                            objective.setCoefficient(yo[n], p.coster.linearFixed(n));
                            parcels.setCoefficient(yo[n], 1);
                            split.setCoefficient(yo[n], 1);
                        }
                        MPVariable units = newVar(relaxed, 0, most, "x" + o + "_" + i + "_" + n);
                        xo[i][n] = units;
                        objective.setCoefficient(units, p.coster.linearPerUnit(n, p.unitWeight[i])
                                + p.surcharge[n][i] - p.unfilledPerUnit);
                        line.setCoefficient(units, 1);
                        MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                        link.setCoefficient(units, 1);
                        link.setCoefficient(yo[n], -most);
                        String nodeId = p.nodes[n].id();
                        String key = nodeId + "|" + p.lines[i].sku();
                        int available = p.avail[n][p.sku[i]];
                        stock.computeIfAbsent(key, k -> solver.makeConstraint(0, available)).setCoefficient(units, 1);
                        if (p.capUnits[n] != Node.UNLIMITED) {
                            int cap = p.capUnits[n];
                            capacity.computeIfAbsent(nodeId, k -> solver.makeConstraint(0, cap)).setCoefficient(units, 1);
                        }
                    }
                }
                x.add(xo);
                y.add(yo);
            }
            objective.setOffset(constant);
        }

        private MPVariable newVar(boolean relaxed, double lower, double upper, String name) {
            return relaxed ? solver.makeNumVar(lower, upper, name) : solver.makeIntVar(lower, upper, name);
        }

        void hint(List<int[][]> hints) {
            List<MPVariable> variables = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int o = 0; o < orders.size(); o++) {
                int[][] take = hints.get(o);
                MPVariable[][] xo = x.get(o);
                MPVariable[] yo = y.get(o);
                boolean[] open = new boolean[yo.length];
                for (int i = 0; i < xo.length; i++) {
                    for (int n = 0; n < xo[i].length; n++) {
                        if (xo[i][n] != null) {
                            variables.add(xo[i][n]);
                            values.add((double) take[i][n]);
                            open[n] |= take[i][n] > 0;
                        }
                    }
                }
                for (int n = 0; n < yo.length; n++) {
                    if (yo[n] != null) {
                        variables.add(yo[n]);
                        values.add(open[n] ? 1.0 : 0.0);
                    }
                }
            }
            solver.setHint(variables.toArray(MPVariable[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        List<int[][]> takes() {
            List<int[][]> takes = new ArrayList<>();
            for (int o = 0; o < orders.size(); o++) {
                AllocationProblem p = orders.get(o);
                int[][] take = p.nothing();
                MPVariable[][] xo = x.get(o);
                for (int i = 0; i < xo.length; i++) {
                    for (int n = 0; n < xo[i].length; n++) {
                        if (xo[i][n] != null) {
                            take[i][n] = (int) Math.round(xo[i][n].solutionValue());
                        }
                    }
                }
                takes.add(take);
            }
            return takes;
        }
    }
}
