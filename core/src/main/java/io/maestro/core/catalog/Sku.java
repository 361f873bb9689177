package io.maestro.core.catalog;

import java.math.BigDecimal;

/** A sellable item: its code, physical size and handling flags. */
public record Sku(
        String sku,
        String name,
        String category,
        BigDecimal weightKg,
        BigDecimal lengthCm,
        BigDecimal widthCm,
        BigDecimal heightCm,
        boolean hazmat,
        boolean oversize) {

    /** One unit's volume, length × width × height in cm³ (0 when a dimension is unknown): its dimensional weight. */
    public double unitVolumeCm3() {
        if (lengthCm == null || widthCm == null || heightCm == null) {
            return 0;
        }
        return lengthCm.multiply(widthCm).multiply(heightCm).doubleValue();
    }
}
