package io.maestro.core.replenishment;

/** A purchase order's life: requested (on order, not yet taken by the ERP), acknowledged by the ERP, received. */
public enum PurchaseOrderStatus {
    REQUESTED,
    ACKNOWLEDGED,
    RECEIVED;

    /** Still on order: counts as supply coming. */
    public boolean open() {
        return this != RECEIVED;
    }
}
