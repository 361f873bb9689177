package io.maestro.core.replenishment;

import java.time.OffsetDateTime;

/**
 * What to order of one SKU for one node in one review run, and what it was computed from: the position (on hand,
 * reserved, on order), the forecast's mean demand over the cover days and the method that made it, the SKU's ABC
 * class at the node, the policy and the order-up-to level. {@code approvedQuantity} is set once decided.
 */
public record ReplenishmentProposal(String proposalId, String runId, String nodeId, String sku, long onHand,
                                    long reserved, long onOrder, double forecastMean, String forecastMethod,
                                    String abcClass, ReplenishmentPolicy policy, long orderUpTo, long proposedQuantity,
                                    Long approvedQuantity, String reason, ProposalStatus status, String decidedBy,
                                    String decisionNote, OffsetDateTime createdAt, OffsetDateTime decidedAt) {

    /** On hand − reserved + on order: what the node has and will have without this proposal. */
    public long inventoryPosition() {
        return onHand - reserved + onOrder;
    }

    /** Within the policy's auto-approve threshold. */
    public boolean autoApprovable() {
        return proposedQuantity <= policy.autoApproveUnits();
    }
}
