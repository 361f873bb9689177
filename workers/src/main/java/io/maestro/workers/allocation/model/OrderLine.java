package io.maestro.workers.allocation.model;

import java.util.Objects;

/** One line of an order: a quantity of a SKU, with the weight of one unit for the parcel rating. */
public record OrderLine(String sku, int quantity, double unitWeightLb) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (unitWeightLb < 0) {
            throw new IllegalArgumentException("unit weight must not be negative: " + unitWeightLb);
        }
    }

    public double weightLb() {
        return quantity * unitWeightLb;
    }
}
