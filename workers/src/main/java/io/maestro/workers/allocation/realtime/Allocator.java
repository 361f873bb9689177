package io.maestro.workers.allocation.realtime;

import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;

/** A sourcing rule: decides which eligible node ships each line of one order. */
public interface Allocator {

    /** What the rule does, in a few plain words (the timeline's "decided by"). */
    String name();

    /** A feasible assignment: for every line the index of its node in the problem, or UNFILLED. */
    Assignment assign(AllocationProblem problem);
}
