package io.maestro.core.inventory;

import java.util.Comparator;

/** A position's key: the node and the SKU, ordered as the positions are locked. */
public record PositionKey(String nodeId, String sku) implements Comparable<PositionKey> {

    private static final Comparator<PositionKey> ORDER = Comparator.comparing(PositionKey::nodeId)
            .thenComparing(PositionKey::sku);

    @Override
    public int compareTo(PositionKey other) {
        return ORDER.compare(this, other);
    }
}
