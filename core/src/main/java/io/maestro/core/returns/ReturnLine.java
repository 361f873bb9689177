package io.maestro.core.returns;

/**
 * One returned order line. {@code condition}, {@code notes}, {@code disposition} and {@code dispositionReason}
 * stay null until the line is inspected and decided.
 */
public record ReturnLine(int lineNo, int orderLineNo, String sku, int quantity, String reason, ItemCondition condition,
                         String notes, Disposition disposition, String dispositionReason) {
}
