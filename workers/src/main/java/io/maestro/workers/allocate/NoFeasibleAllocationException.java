package io.maestro.workers.allocate;

/** No node can ship any of the order's lines now; the reason says why, node by node. Maps to BPMN error {@code NoFeasibleAllocation}. */
public class NoFeasibleAllocationException extends RuntimeException {

    public static final String BPMN_ERROR_CODE = "NoFeasibleAllocation";

    private final String candidatePlans;

    public NoFeasibleAllocationException(String reason) {
        this(reason, null);
    }

    /** With the nodes passed over as a table for a person ({@link CandidatePlanTable}). */
    public NoFeasibleAllocationException(String reason, String candidatePlans) {
        super(reason);
        this.candidatePlans = candidatePlans;
    }

    /** The candidate plans as a table, or null. */
    public String candidatePlans() {
        return candidatePlans;
    }
}
