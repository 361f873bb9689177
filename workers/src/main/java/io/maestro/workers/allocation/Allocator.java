package io.maestro.workers.allocation;

/** A sourcing rule: decides which eligible node ships each line of one order. */
public interface Allocator {

    /** A short name for reports, e.g. "B1". */
    String name();

    /** A feasible assignment: for every line the index of its node in the problem, or UNFILLED. */
    Assignment assign(AllocationProblem problem);
}
