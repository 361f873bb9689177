package io.maestro.workers.allocation.batch;

/**
 * A run's time on the optimiser's clock ({@link CandidatePlanOptimizer#clockNanos}, the CPU time of the calling
 * thread): the clock's reading at its {@code start} and the whole run's {@code seconds}.
 */
record Deadline(long start, double seconds) {

    double elapsed() {
        return (CandidatePlanOptimizer.clockNanos() - start) / 1e9;
    }

    double left() {
        return seconds - elapsed();
    }
}
