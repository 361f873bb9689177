package io.maestro.workers.allocation.model;

/**
 * What kind of goods a parcel carries, as DMN {@code carrier-selection} asks it: a bit for hazardous goods and one
 * for an oversize item. A parcel's goods are those of the lines it carries, combined: one hazardous unit makes the
 * whole parcel hazardous.
 */
public final class Goods {

    public static final int ORDINARY = 0;
    public static final int HAZMAT = 1;
    public static final int OVERSIZE = 2;
    /** How many combinations there are (indices 0 .. KINDS − 1). */
    public static final int KINDS = 4;

    private Goods() {
    }

    public static int of(boolean hazmat, boolean oversize) {
        return (hazmat ? HAZMAT : 0) | (oversize ? OVERSIZE : 0);
    }

    public static boolean hazmat(int goods) {
        return (goods & HAZMAT) != 0;
    }

    public static boolean oversize(int goods) {
        return (goods & OVERSIZE) != 0;
    }

    /** The combinations parcels of lines of these goods can have: every combination of a non-empty subset. */
    public static boolean[] reachable(Iterable<OrderLine> lines) {
        boolean[] reachable = new boolean[KINDS];
        for (OrderLine line : lines) {
            int goods = line.goods();
            boolean[] before = reachable.clone();
            reachable[goods] = true;
            for (int g = 0; g < KINDS; g++) {
                if (before[g]) {
                    reachable[g | goods] = true;
                }
            }
        }
        return reachable;
    }
}
