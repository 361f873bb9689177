package io.maestro.workers.bench;

/** Benchmark sizes from issue 3. */
enum BenchPreset {
    S(300, 10, 200, 300, 4.5, 10, 0, 0),
    M(2_000, 30, 500, 2_000, 19.0, 10, 0, 60),
    L(10_000, 50, 2_000, 10_000, 60.0, 5, 0, 150);

    final int orders;
    final int nodes;
    final int skus;
    /**
     * Orders per batch window (B3), and the batch's CPU time for all windows together: for S and M half a second
     * under the targets' wall time (5 s, 20 s), which also counts loading the solvers' natives.
     */
    final int windowSize;
    final double batchSeconds;
    /**
     * Price rounds of the Lagrangian bound when the batch ran in several windows (one window proves its own
     * bound), and the time the LP bound of the linearised model may take (0: not tried).
     */
    final int lagrangianRounds;
    final double lpSeconds;
    /**
     * CPU time for LB's own column generation over the whole day, until the relaxation meets its bound (0: LB is
     * B3's own bound; S's B3 proves its optimum).
     */
    final double relaxationSeconds;

    BenchPreset(int orders, int nodes, int skus, int windowSize, double batchSeconds, int lagrangianRounds,
                double lpSeconds, double relaxationSeconds) {
        this.orders = orders;
        this.nodes = nodes;
        this.skus = skus;
        this.windowSize = windowSize;
        this.batchSeconds = batchSeconds;
        this.lagrangianRounds = lagrangianRounds;
        this.lpSeconds = lpSeconds;
        this.relaxationSeconds = relaxationSeconds;
    }
}
