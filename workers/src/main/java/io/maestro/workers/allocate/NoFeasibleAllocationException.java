package io.maestro.workers.allocate;

/** No node can ship any of the order's lines now; the reason says why, node by node. Maps to BPMN error {@code NoFeasibleAllocation}. */
public class NoFeasibleAllocationException extends RuntimeException {

    public static final String BPMN_ERROR_CODE = "NoFeasibleAllocation";

    public NoFeasibleAllocationException(String reason) {
        super(reason);
    }
}
