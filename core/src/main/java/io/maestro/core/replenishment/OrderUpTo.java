package io.maestro.core.replenishment;

/**
 * The periodic-review order-up-to rule: when the inventory position (on hand − reserved + on order) is below the
 * order-up-to level, order the difference, at least the minimum order quantity, rounded up to whole packs.
 */
public final class OrderUpTo {

    private OrderUpTo() {
    }

    /** Units to order; 0 when the position already reaches the level. */
    public static long quantity(long orderUpToLevel, long inventoryPosition, long minOrderQuantity, long packSize) {
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size must be at least 1: " + packSize);
        }
        long needed = orderUpToLevel - inventoryPosition;
        if (needed <= 0) {
            return 0;
        }
        long atLeast = Math.max(needed, minOrderQuantity);
        return -Math.floorDiv(-atLeast, packSize) * packSize;
    }
}
