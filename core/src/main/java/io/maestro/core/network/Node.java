package io.maestro.core.network;

import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Set;

/** A place that holds stock and fulfils orders: a distribution centre, a store, a 3PL or a dropshipper. */
public record Node(
        String id,
        String name,
        NodeType type,
        Address address,
        double latitude,
        double longitude,
        Set<Capability> capabilities,
        int dailyCapacity,
        LocalTime cutoffTime,
        String timeZone,
        BigDecimal handlingCostPerShipment,
        BigDecimal handlingCostPerUnit,
        NodeStatus status) {

    public Node {
        capabilities = Set.copyOf(capabilities);
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** True unless paused: a paused node gets no new work. */
    public boolean acceptsWork() {
        return status == NodeStatus.OPEN;
    }
}
