package io.maestro.core.inventory;

/** Why a ledger entry changed a position. */
public enum LedgerEntryType {
    /** Stock added or removed by a relative amount (receipt, damage, shrink). */
    ADJUSTMENT,
    /** Stock set to a counted figure (cycle count, ERP or WMS snapshot). */
    COUNT,
    SAFETY_STOCK,
    RESERVE,
    RELEASE,
    /** A reserved unit left the building. */
    CONSUME,
    /** Units left a node for another node: in transit from here on, in no node's stock. */
    TRANSFER_OUT,
    /** Units of a transfer arrived at its destination. */
    TRANSFER_IN,
    /**
     * Units of a transfer written off as lost in transit. They had left the source already ({@link #TRANSFER_OUT}),
     * so no position changes: the entry records the write-off (units and transfer in its reason) in the ledger.
     */
    TRANSFER_LOSS
}
