package io.maestro.workers.allocation.batch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.maestro.workers.allocation.batch.CandidatePlans.Column;
import java.util.ArrayList;
import java.util.List;

/** The relaxed choice of candidates per order within the contended limits. */
final class RestrictedMaster implements Relaxation {
    /** Above this many orders the relaxation goes to CLP, whose dual simplex re-solves it faster than GLOP. */
    static final int LARGE_WAVE = 500;
    /**
     * Small waves get a row for every limit their candidates could exceed together (which gives SCIP better
     * candidates on S); large ones only for the limits a relaxed solution exceeds (thousands fewer rows).
     */
    private final boolean eager;
    final MPSolver solver;
    final CandidatePlans columns;
    final MPConstraint[] choose;
    final MPConstraint[] limits;
    final List<MPVariable> variables = new ArrayList<>();
    /** Whether re-solves start from the last basis (see {@link #warmParameters}). */
    private final boolean warm;
    private boolean solved;

    RestrictedMaster(MPSolver solver, CandidatePlans columns) {
        this(solver, columns, false);
    }

    RestrictedMaster(MPSolver solver, CandidatePlans columns, boolean warm) {
        this.warm = warm;
        this.solver = solver;
        this.columns = columns;
        MPObjective objective = solver.objective();
        objective.setMinimization();
        this.choose = new MPConstraint[columns.orders.size()];
        for (int o = 0; o < choose.length; o++) {
            choose[o] = solver.makeConstraint(1, 1);
        }
        this.limits = new MPConstraint[columns.limits.size()];
        this.eager = choose.length <= LARGE_WAVE;
    }

    /**
     * The relaxation over the candidates so far for CLP, with rows from the start for the limits priced at
     * either prices given (the rest as its solution exceeds them): the volume algorithm stalls about 1.5 % below
     * it on L, and with those rows CLP solves it in about 6 CPU-s and re-solves it from its last basis.
     */
    static RestrictedMaster exact(MPSolver clp, CandidatePlans columns, double[] prices, double[] center) {
        RestrictedMaster exact = new RestrictedMaster(clp, columns, true);
        for (int r = 0; r < prices.length; r++) {
            if (prices[r] > 0 || center[r] > 0) {
                exact.activate(r);
            }
        }
        return exact;
    }

    /** Rows for the limits the candidates could exceed together, before any solution exceeds them. */
    private void activateContended() {
        if (eager) {
            for (int r = 0; r < limits.length; r++) {
                if (limits[r] == null && columns.mostTogether.get(r) > columns.limits.get(r)) {
                    activate(r);
                }
            }
        }
        columns.newlyContended.clear();
    }

    /**
     * The relaxation over the candidates so far: solved with the limits that have a row, then again with the
     * rows of the limits its solution exceeds, until it keeps them all.
     */
    @Override
    public void solve(Deadline deadline, double until) {
        while (true) {
            activateContended();
            for (int c = variables.size(); c < columns.all.size(); c++) {
                Column column = columns.all.get(c);
                MPVariable x = solver.makeNumVar(0, 1, "c" + c);
                solver.objective().setCoefficient(x, column.cost());
                choose[column.order()].setCoefficient(x, 1);
                variables.add(x);
                for (int k = 0; k < column.resources().length; k++) {
                    if (limits[column.resources()[k]] != null) {
                        limits[column.resources()[k]].setCoefficient(x, column.units()[k]);
                    }
                }
            }
            MPSolver.ResultStatus status = solved && warm ? solver.solve(warmParameters()) : solver.solve();
            solved = true;
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("relaxation of " + choose.length + " orders: " + status);
            }
            double[] use = new double[limits.length];
            for (int c = 0; c < variables.size(); c++) {
                double x = variables.get(c).solutionValue();
                if (x > CandidatePlanOptimizer.INTEGRAL) {
                    Column column = columns.all.get(c);
                    for (int k = 0; k < column.resources().length; k++) {
                        use[column.resources()[k]] += x * column.units()[k];
                    }
                }
            }
            boolean kept = true;
            for (int r = 0; r < limits.length; r++) {
                if (limits[r] == null && use[r] > columns.limits.get(r) + CandidatePlanOptimizer.TOLERANCE) {
                    activate(r);
                    kept = false;
                }
            }
            if (kept) {
                return;
            }
        }
    }

    /**
     * Re-solves of a large wave's relaxation start from the last basis: without presolve (which would discard
     * it), by the dual simplex (on L 0.4-2.4 CPU-s a re-solve, against 3-7 by the primal from the same basis and
     * 6-11 with presolve). Smaller waves re-solve from scratch: their relaxation's vertex, and so their choice,
     * stays as before (on M the warm vertex led to a dearer choice).
     */
    private static MPSolverParameters warmParameters() {
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        parameters.setIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM,
                MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
        return parameters;
    }

    private void activate(int r) {
        limits[r] = solver.makeConstraint(Double.NEGATIVE_INFINITY, columns.limits.get(r));
        for (int c : columns.columnsUsing.get(r)) {
            if (c < variables.size()) {
                Column column = columns.all.get(c);
                for (int k = 0; k < column.resources().length; k++) {
                    if (column.resources()[k] == r) {
                        limits[r].setCoefficient(variables.get(c), column.units()[k]);
                    }
                }
            }
        }
    }

    @Override
    public double value() {
        return solver.objective().value();
    }

    @Override
    public double[] prices() {
        double[] price = new double[limits.length];
        for (int r = 0; r < price.length; r++) {
            price[r] = limits[r] == null ? 0 : Math.max(0, -limits[r].dualValue());
        }
        return price;
    }

    @Override
    public double orderDual(int o) {
        return choose[o].dualValue();
    }

    @Override
    public double[] values() {
        double[] values = new double[variables.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = variables.get(c).solutionValue();
        }
        return values;
    }
}
