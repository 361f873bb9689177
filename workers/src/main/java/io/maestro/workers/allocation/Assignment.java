package io.maestro.workers.allocation;

/**
 * The outcome of a search: the node of every line, the number of search nodes it explored, and whether
 * the assignment is proven optimal.
 */
public record Assignment(int[] nodeOfLine, long explored, boolean proven) {

    public Assignment {
        nodeOfLine = nodeOfLine.clone();
    }

    @Override
    public int[] nodeOfLine() {
        return nodeOfLine.clone();
    }

    static Assignment heuristic(int[] nodeOfLine) {
        return new Assignment(nodeOfLine, 0, false);
    }
}
