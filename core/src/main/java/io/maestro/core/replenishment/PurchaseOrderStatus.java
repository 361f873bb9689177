package io.maestro.core.replenishment;

/**
 * A purchase order's life: requested (on order, not yet taken by the ERP), acknowledged by the ERP, received; or
 * withdrawn when the ERP refused it or stayed down and an operator gave up (goods that arrive anyway are received).
 */
public enum PurchaseOrderStatus {
    REQUESTED,
    ACKNOWLEDGED,
    RECEIVED,
    WITHDRAWN;

    /** Still on order: counts as supply coming. */
    public boolean open() {
        return this == REQUESTED || this == ACKNOWLEDGED;
    }
}
