package io.maestro.workers.allocation.model;

import java.util.Objects;

/**
 * One line of an order: a quantity of a SKU, with the weight and the volume (length × width × height; 0 when unknown)
 * of one unit for the parcel rating, and whether the SKU is hazardous or oversize (which decides the carrier terms of
 * the parcel that carries it).
 */
public record OrderLine(String sku, int quantity, double unitWeightLb, double unitVolumeCm3, boolean hazmat,
                        boolean oversize) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (unitWeightLb < 0) {
            throw new IllegalArgumentException("unit weight must not be negative: " + unitWeightLb);
        }
        if (unitVolumeCm3 < 0) {
            throw new IllegalArgumentException("unit volume must not be negative: " + unitVolumeCm3);
        }
    }

    /** A line of ordinary goods of unknown volume. */
    public OrderLine(String sku, int quantity, double unitWeightLb) {
        this(sku, quantity, unitWeightLb, 0, false, false);
    }

    public double weightLb() {
        return quantity * unitWeightLb;
    }

    /** Its {@link Goods} combination. */
    public int goods() {
        return Goods.of(hazmat, oversize);
    }

    /** The same SKU and goods, another quantity (a parcel's part of the line, or what is left of it). */
    public OrderLine withQuantity(int units) {
        return new OrderLine(sku, units, unitWeightLb, unitVolumeCm3, hazmat, oversize);
    }
}
