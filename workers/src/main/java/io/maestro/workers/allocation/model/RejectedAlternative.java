package io.maestro.workers.allocation.model;

/**
 * A node the plan did not use, and why: either what it would have cost more (costDelta, by rule in the
 * reason) or why it could not serve the order at all (costDelta is NaN).
 */
public record RejectedAlternative(String nodeId, String nodeName, double costDelta, String reason) {

    public boolean wasFeasible() {
        return !Double.isNaN(costDelta);
    }

    /** e.g. "Olean DC: +$4.10 shipping" or "Brooklyn DC: lacks TSHIRT-BLK-M (1 of 2)". */
    public String describe() {
        return nodeName + ": " + reason;
    }
}
