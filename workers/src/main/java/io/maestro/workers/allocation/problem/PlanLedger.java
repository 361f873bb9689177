package io.maestro.workers.allocation.problem;

import io.maestro.workers.allocation.model.Goods;

/** Stock, capacity and open parcels used so far by a plan under construction. */
public final class PlanLedger {

    private final AllocationProblem p;
    /** [node × SKUs + SKU]: units taken. */
    private final int[] used;
    private final int skus;
    private final int[] units;
    private final double[] weight;
    private final double[] volume;
    /** [node]: units of hazardous and of oversize goods, which decide the parcel's goods. */
    private final int[] hazmatUnits;
    private final int[] oversizeUnits;
    private int shipments;
    private int filled;

    public PlanLedger(AllocationProblem p) {
        this.p = p;
        this.skus = p.skuDemand.length;
        this.used = new int[p.nodes.length * skus];
        this.units = new int[p.nodes.length];
        this.weight = new double[p.nodes.length];
        this.volume = new double[p.nodes.length];
        this.hazmatUnits = new int[p.nodes.length];
        this.oversizeUnits = new int[p.nodes.length];
    }

    /** How many units of line {@code i} node {@code n} can still add, within stock, capacity and the parcel limit. */
    public int room(int n, int i) {
        if (units[n] == 0 && shipments >= p.maxShipments) {
            return 0;
        }
        int s = p.sku[i];
        return Math.max(0, Math.min(p.avail[n][s] - used[n * skus + s], p.capUnits[n] - units[n]));
    }

    public void take(int n, int i, int count) {
        if (units[n] == 0) {
            shipments++;
        }
        used[n * skus + p.sku[i]] += count;
        units[n] += count;
        weight[n] += count * p.unitWeight[i];
        volume[n] += count * p.unitVolume[i];
        hazmatUnits[n] += Goods.hazmat(p.goods[i]) ? count : 0;
        oversizeUnits[n] += Goods.oversize(p.goods[i]) ? count : 0;
        filled += count;
    }

    public void release(int n, int i, int count) {
        used[n * skus + p.sku[i]] -= count;
        units[n] -= count;
        weight[n] -= count * p.unitWeight[i];
        volume[n] -= count * p.unitVolume[i];
        hazmatUnits[n] -= Goods.hazmat(p.goods[i]) ? count : 0;
        oversizeUnits[n] -= Goods.oversize(p.goods[i]) ? count : 0;
        filled -= count;
        if (units[n] == 0) {
            weight[n] = 0;
            volume[n] = 0;
            shipments--;
        }
    }

    public boolean isOpen(int n) {
        return units[n] > 0;
    }

    public int shipments() {
        return shipments;
    }

    public int filled() {
        return filled;
    }

    public int units(int n) {
        return units[n];
    }

    public double weight(int n) {
        return weight[n];
    }

    /** The volume of the parcel from node {@code n}, cm³. */
    public double volume(int n) {
        return volume[n];
    }

    /** The {@link Goods} of the parcel from node {@code n}. */
    public int goods(int n) {
        return Goods.of(hazmatUnits[n] > 0, oversizeUnits[n] > 0);
    }
}
