package io.maestro.core.replenishment;

/** Where a replenishment proposal stands. */
public enum ProposalStatus {
    /** Waiting for an analyst. */
    PROPOSED,
    /** Within the policy's auto-approve threshold: ordered without a person. */
    AUTO_APPROVED,
    /** Approved by an analyst, as proposed or with another quantity. */
    APPROVED,
    /** Rejected by an analyst: nothing ordered. */
    REJECTED
}
