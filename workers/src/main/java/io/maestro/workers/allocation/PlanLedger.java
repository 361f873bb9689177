package io.maestro.workers.allocation;

/** Stock, capacity and open parcels used so far by a plan under construction. */
final class PlanLedger {

    private final AllocationProblem p;
    private final int[][] used;
    private final int[] units;
    private final double[] weight;
    private final boolean[] open;
    private int shipments;

    PlanLedger(AllocationProblem p) {
        this.p = p;
        this.used = new int[p.nodes.length][p.avail.length == 0 ? 0 : p.avail[0].length];
        this.units = new int[p.nodes.length];
        this.weight = new double[p.nodes.length];
        this.open = new boolean[p.nodes.length];
    }

    /** Whether node {@code n} can still add line {@code i} without breaking stock, capacity or the parcel limit. */
    boolean canTake(int n, int i) {
        return used[n][p.sku[i]] + p.qty[i] <= p.avail[n][p.sku[i]]
                && units[n] + p.qty[i] <= p.capUnits[n]
                && (open[n] || shipments < p.maxShipments);
    }

    void take(int n, int i) {
        used[n][p.sku[i]] += p.qty[i];
        units[n] += p.qty[i];
        weight[n] += p.weight[i];
        if (!open[n]) {
            open[n] = true;
            shipments++;
        }
    }

    void release(int n, int i) {
        used[n][p.sku[i]] -= p.qty[i];
        units[n] -= p.qty[i];
        weight[n] -= p.weight[i];
        if (units[n] == 0) {
            weight[n] = 0;
            open[n] = false;
            shipments--;
        }
    }

    boolean isOpen(int n) {
        return open[n];
    }

    int shipments() {
        return shipments;
    }

    int units(int n) {
        return units[n];
    }

    double weight(int n) {
        return weight[n];
    }
}
