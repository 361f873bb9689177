package io.maestro.core.inventory;

/** Stock of one SKU at one node. Derived state: the sum of the ledger entries for (node, SKU). */
public record InventoryPosition(String nodeId, String sku, long onHand, long reserved, long safetyStock) {

    public static InventoryPosition empty(String nodeId, String sku) {
        return new InventoryPosition(nodeId, sku, 0, 0, 0);
    }

    /** Available to promise when {@code protectedForOthers} units are held back for other channels; never below 0. */
    public long atp(long protectedForOthers) {
        return Math.max(0, onHand - reserved - safetyStock - protectedForOthers);
    }

    /** True when a loss or count left fewer sellable units than are already promised. */
    public boolean isShort() {
        return onHand - safetyStock < reserved;
    }
}
