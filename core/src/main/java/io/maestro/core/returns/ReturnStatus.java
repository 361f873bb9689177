package io.maestro.core.returns;

/** Where a return stands: received at a node, inspected, refund asked of the ERP, or closed without refund by an operator. */
public enum ReturnStatus {
    RECEIVED, INSPECTED, REFUND_REQUESTED, CLOSED
}
