package io.maestro.workers.allocation;

/** The optimum by enumerating every assignment of lines to nodes (or unfilled): the reference for B2. */
final class BruteForce {

    private BruteForce() {
    }

    static double optimalCost(AllocationProblem p) {
        int lines = p.lineCount();
        int choices = p.nodes.length + 1;
        int[] assign = new int[lines];
        double best = Double.POSITIVE_INFINITY;
        long total = (long) Math.pow(choices, lines);
        for (long code = 0; code < total; code++) {
            long rest = code;
            for (int i = 0; i < lines; i++) {
                assign[i] = (int) (rest % choices) - 1;
                rest /= choices;
            }
            if (p.feasible(assign)) {
                best = Math.min(best, p.evaluate(assign));
            }
        }
        return best;
    }
}
