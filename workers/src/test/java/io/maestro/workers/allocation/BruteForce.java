package io.maestro.workers.allocation;

import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.ArrayList;
import java.util.List;

/** The optimum by enumerating every split of every line over the nodes: the reference for B2. */
public final class BruteForce {

    private BruteForce() {
    }

    static double optimalCost(AllocationProblem p) {
        List<List<int[]>> rows = new ArrayList<>();
        for (int i = 0; i < p.lineCount(); i++) {
            List<int[]> row = new ArrayList<>();
            spread(p, i, 0, p.qty[i], new int[p.nodeCount()], row);
            rows.add(row);
        }
        return search(p, rows, 0, new int[p.lineCount()][]);
    }

    /** Every feasible plan costing at most {@code ceiling}, as "deepToString" keys. */
    public static java.util.Set<String> plansWithin(AllocationProblem p, double ceiling) {
        List<List<int[]>> rows = new ArrayList<>();
        for (int i = 0; i < p.lineCount(); i++) {
            List<int[]> row = new ArrayList<>();
            spread(p, i, 0, p.qty[i], new int[p.nodeCount()], row);
            rows.add(row);
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        collect(p, rows, 0, new int[p.lineCount()][], ceiling, out);
        return out;
    }

    private static void collect(AllocationProblem p, List<List<int[]>> rows, int line, int[][] take, double ceiling,
                                java.util.Set<String> out) {
        if (line == rows.size()) {
            if (p.feasible(take) && p.evaluate(take) <= ceiling) {
                out.add(java.util.Arrays.deepToString(take));
            }
            return;
        }
        for (int[] row : rows.get(line)) {
            take[line] = row;
            collect(p, rows, line + 1, take, ceiling, out);
        }
    }

    private static void spread(AllocationProblem p, int line, int node, int left, int[] row, List<int[]> out) {
        if (node == p.nodeCount()) {
            out.add(row.clone());
            return;
        }
        int most = Math.min(left, p.avail[node][p.sku[line]]);
        for (int units = 0; units <= most; units++) {
            row[node] = units;
            spread(p, line, node + 1, left - units, row, out);
        }
        row[node] = 0;
    }

    private static double search(AllocationProblem p, List<List<int[]>> rows, int line, int[][] take) {
        if (line == rows.size()) {
            return p.feasible(take) ? p.evaluate(take) : Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int[] row : rows.get(line)) {
            take[line] = row;
            best = Math.min(best, search(p, rows, line + 1, take));
        }
        return best;
    }
}
