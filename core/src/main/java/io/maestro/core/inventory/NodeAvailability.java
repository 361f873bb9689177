package io.maestro.core.inventory;

/** One node's stock of a SKU as a channel sees it. */
public record NodeAvailability(String nodeId, long onHand, long reserved, long safetyStock, long protectedForOthers,
                               long atp) {

    static NodeAvailability of(InventoryPosition p, double percentHeldForOthers) {
        long held = ChannelProtections.protectedUnits(p.onHand(), percentHeldForOthers);
        return new NodeAvailability(p.nodeId(), p.onHand(), p.reserved(), p.safetyStock(), held, p.atp(held));
    }
}
