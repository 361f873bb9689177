package io.maestro.workers.allocation.problem;

/**
 * The outcome of a search: the units of each line each eligible node ships, the number of search nodes
 * explored, and whether the assignment is proven optimal.
 */
public record Assignment(int[][] take, long explored, boolean proven) {

    public Assignment {
        take = AllocationProblem.copy(take);
    }

    @Override
    public int[][] take() {
        return AllocationProblem.copy(take);
    }

    /** The assignment without a copy, for the engine, which only reads it. */
    public int[][] shared() {
        return take;
    }

    public static Assignment heuristic(int[][] take) {
        return new Assignment(take, 0, false);
    }
}
