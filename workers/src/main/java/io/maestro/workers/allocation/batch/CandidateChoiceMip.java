package io.maestro.workers.allocation.batch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.maestro.workers.allocation.batch.CandidatePlans.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SCIP's choice of one candidate per order, as integers, for some of the orders within the stock and capacity the
 * others leave, starting from and replacing their current choice when it finds a cheaper one in time. The
 * optimiser, the large-neighbourhood search and the proof stage choose through it, each with its own SCIP settings
 * and time.
 */
final class CandidateChoiceMip {

    /**
     * SCIP without presolving: on tens of thousands of candidates its presolving takes longer than the search it
     * would shorten (S: 15.6 CPU-s with it, 4.3 without), and in a neighbourhood it finds nothing to remove.
     */
    static final String NO_PRESOLVE = "\npresolving/maxrounds = 0";
    /**
     * SCIP's clock: the process's CPU time, which here is mostly the optimising thread's (see
     * {@link CandidatePlanOptimizer#clockNanos}).
     */
    static final String CPU_CLOCK = "timing/clocktype = 1";
    /** SCIP's time limit leaves this much of the run's time for what follows it. */
    private static final double SCIP_MARGIN = 0.25;

    private final CandidatePlans columns;
    private final Deadline deadline;

    CandidateChoiceMip(CandidatePlans columns, Deadline deadline) {
        this.columns = columns;
        this.deadline = deadline;
    }

    /**
     * SCIP's choice for the open orders within {@code left}, starting from and replacing theirs in
     * {@code chosen} when it finds a cheaper one in time.
     */
    Outcome choose(List<Integer> open, List<List<Integer>> candidates, int[] left, int[] chosen) {
        return choose(open, candidates, left, chosen, Double.POSITIVE_INFINITY, CPU_CLOCK, null);
    }

    /**
     * As above, SCIP given at most {@code seconds}, with the SCIP {@code settings} given ({@link #CPU_CLOCK}, also
     * with {@link #NO_PRESOLVE}, or {@link ReducedCostProof#PROOF_SETTINGS}), and rows only for the limits in
     * {@code rows} (all when null). SCIP's time limit is what is left once its model is built, at least half a
     * second.
     */
    Outcome choose(List<Integer> open, List<List<Integer>> candidates, int[] left, int[] chosen, double seconds,
                   String settings, boolean[] rows) {
        MPSolver mip = MPSolver.createSolver("SCIP");
        try {
            mip.suppressOutput();
            mip.setSolverSpecificParametersAsString(settings);
            mip.objective().setMinimization();
            Map<Integer, MPConstraint> limits = new HashMap<>();
            List<MPVariable> variables = new ArrayList<>();
            List<Integer> columnOf = new ArrayList<>();
            double before = 0;
            for (int o : open) {
                before += columns.all.get(chosen[o]).cost();
                MPConstraint one = mip.makeConstraint(1, 1);
                for (int c : candidates.get(o)) {
                    Column column = columns.all.get(c);
                    MPVariable x = mip.makeBoolVar("c" + c);
                    mip.objective().setCoefficient(x, column.cost());
                    one.setCoefficient(x, 1);
                    for (int k = 0; k < column.resources().length; k++) {
                        int r = column.resources()[k];
                        if (rows != null && !rows[r]) {
                            continue;
                        }
                        limits.computeIfAbsent(r, key -> mip.makeConstraint(Double.NEGATIVE_INFINITY, left[key]))
                                .setCoefficient(x, column.units()[k]);
                    }
                    variables.add(x);
                    columnOf.add(c);
                }
            }
            double[] values = new double[variables.size()];
            for (int v = 0; v < values.length; v++) {
                int c = columnOf.get(v);
                values[v] = chosen[columns.all.get(c).order()] == c ? 1 : 0;
            }
            mip.setHint(variables.toArray(MPVariable[]::new), values);
            mip.setTimeLimit(Math.max(500, (long) (Math.min(seconds, deadline.seconds() - SCIP_MARGIN
                    - deadline.elapsed()) * 1000)));
            MPSolver.ResultStatus status = mip.solve();
            if ((status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE)
                    && mip.objective().value() < before - 1e-9) {
                for (int v = 0; v < variables.size(); v++) {
                    if (variables.get(v).solutionValue() > 0.5) {
                        int c = columnOf.get(v);
                        chosen[columns.all.get(c).order()] = c;
                    }
                }
            }
            boolean solved = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            return new Outcome(status == MPSolver.ResultStatus.OPTIMAL,
                    solved ? mip.objective().bestBound() : Double.NEGATIVE_INFINITY);
        } finally {
            mip.delete();
        }
    }

    /** SCIP's answer: whether it proved its choice optimal over the candidates given, and its lower bound. */
    record Outcome(boolean optimal, double bestBound) {
    }
}
