package io.maestro.core.inventory;

/** One counted position in a bulk snapshot from an ERP or WMS; safety stock is optional. */
public record SnapshotRow(String nodeId, String sku, Long onHand, Long safetyStock) {
}
