package io.maestro.workers.allocation.model;

/**
 * A node the plan did not use, and why: either what it would have cost more (costDelta, by rule in the
 * reason) and in how many days its parcel would arrive (etaDays), or why it could not serve the order at all
 * (costDelta is NaN, etaDays {@value #NO_ETA}).
 */
public record RejectedAlternative(String nodeId, String nodeName, double costDelta, int etaDays, String reason) {

    public static final int NO_ETA = -1;

    public RejectedAlternative(String nodeId, String nodeName, double costDelta, String reason) {
        this(nodeId, nodeName, costDelta, NO_ETA, reason);
    }

    public boolean wasFeasible() {
        return !Double.isNaN(costDelta);
    }

    /** e.g. "Olean DC: +$4.10 shipping" or "Brooklyn DC: lacks TSHIRT-BLK-M (1 of 2)". */
    public String describe() {
        return nodeName + ": " + reason;
    }
}
