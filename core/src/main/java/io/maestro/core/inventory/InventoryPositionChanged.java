package io.maestro.core.inventory;

/**
 * Published inside the transaction that changed a position, so listeners (processes waiting for
 * stock, shortfall handling) act on committed-together state.
 */
public record InventoryPositionChanged(InventoryPosition before, InventoryPosition after, LedgerEntryType cause) {

    public boolean becameShort() {
        return after.isShort() && !before.isShort();
    }
}
