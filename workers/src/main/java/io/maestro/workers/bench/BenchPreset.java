package io.maestro.workers.bench;

/** Benchmark sizes from issue 3. */
enum BenchPreset {
    S(300, 10, 200),
    M(2_000, 30, 500),
    L(10_000, 50, 2_000);

    final int orders;
    final int nodes;
    final int skus;

    BenchPreset(int orders, int nodes, int skus) {
        this.orders = orders;
        this.nodes = nodes;
        this.skus = skus;
    }
}
