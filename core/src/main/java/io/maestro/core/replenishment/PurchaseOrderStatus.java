package io.maestro.core.replenishment;

/**
 * A purchase order's life: requested (on order, not yet taken by the ERP), acknowledged by the ERP, partially received
 * (the rest still on order), received in full; or withdrawn when the ERP refused it or stayed down and an operator gave
 * up, or the rest of a partial delivery was cancelled (goods that arrive anyway are received).
 */
public enum PurchaseOrderStatus {
    REQUESTED,
    ACKNOWLEDGED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    WITHDRAWN;

    /** Still on order: counts as supply coming. */
    public boolean open() {
        return this == REQUESTED || this == ACKNOWLEDGED || this == PARTIALLY_RECEIVED;
    }
}
