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
    CONSUME
}
