package io.maestro.processes;

import io.maestro.core.inbox.PartnerEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The inbox events being delivered on this node, by order and shipment, until they reached a process or failed for
 * good. An event is noted before the correlator looks for its process, so a process that commits its wait after
 * that look finds the event here ({@link PartnerEventCorrelator#handOverEarlyEvents}). What this node forgets (a
 * restart, another node) the poll still delivers.
 */
final class EarlyEvents {

    record Key(String orderId, String shipmentId) {

        static Key of(PartnerEvent event) {
            return new Key(event.orderId(), event.shipmentId());
        }
    }

    private final Map<Key, Set<Long>> pending = new ConcurrentHashMap<>();

    void expect(Key key, long id) {
        pending.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
    }

    void settled(Key key, long id) {
        pending.computeIfPresent(key, (k, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** The events for the shipment and those for the whole order (no shipment), oldest first. */
    List<Long> waitingFor(String orderId, String shipmentId) {
        Stream<Long> forOrder = pending.getOrDefault(new Key(orderId, null), Set.of()).stream();
        Stream<Long> forShipment = shipmentId == null ? Stream.empty()
                : pending.getOrDefault(new Key(orderId, shipmentId), Set.of()).stream();
        return Stream.concat(forShipment, forOrder).sorted().toList();
    }
}
