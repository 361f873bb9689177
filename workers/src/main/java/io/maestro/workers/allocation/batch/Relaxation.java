package io.maestro.workers.allocation.batch;

/** The relaxation of the choice over the candidates so far, and the prices of stock and capacity it gives. */
interface Relaxation {

    /**
     * Solves it, within the optimiser's clock reading {@code until} seconds after the {@code deadline}'s start if it
     * iterates.
     */
    void solve(Deadline deadline, double until);

    /** Its value: the relaxation's optimum, or the restricted dual's value at {@link #prices()}. */
    double value();

    /** Per unit of each limit, what it is worth (non-negative). */
    double[] prices();

    /** What order {@code o} pays in it: a plan priced below this improves it. */
    double orderDual(int o);

    /** The relaxed choice: per candidate, its share (0..1) of its order. */
    double[] values();
}
