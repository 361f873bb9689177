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
}
