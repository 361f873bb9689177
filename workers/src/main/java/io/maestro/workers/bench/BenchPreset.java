package io.maestro.workers.bench;

/** Benchmark sizes from issue 3. */
enum BenchPreset {
    S(300, 10, 200, 100, 5.0, 120, 60),
    M(2_000, 30, 500, 100, 30.0, 100, 180),
    L(10_000, 50, 2_000, 100, 90.0, 40, 0);

    final int orders;
    final int nodes;
    final int skus;
    /** Orders per batch wave (B3), and SCIP's time budget for all waves together. */
    final int waveSize;
    final double batchSeconds;
    /** Price rounds of the Lagrangian bound, and the time the LP bound may take (0: not tried). */
    final int lagrangianRounds;
    final double lpSeconds;

    BenchPreset(int orders, int nodes, int skus, int waveSize, double batchSeconds, int lagrangianRounds,
                double lpSeconds) {
        this.orders = orders;
        this.nodes = nodes;
        this.skus = skus;
        this.waveSize = waveSize;
        this.batchSeconds = batchSeconds;
        this.lagrangianRounds = lagrangianRounds;
        this.lpSeconds = lpSeconds;
    }

    double secondsPerWave() {
        return batchSeconds / Math.ceil((double) orders / waveSize);
    }
}
