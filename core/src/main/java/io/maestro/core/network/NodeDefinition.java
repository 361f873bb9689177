package io.maestro.core.network;

import io.maestro.core.geo.Address;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Set;

/**
 * A node as an administrator or a feed describes it. Coordinates are optional: when absent they
 * come from the address's postal code. Status defaults to OPEN, time zone to America/New_York.
 */
public record NodeDefinition(
        String id,
        String name,
        NodeType type,
        Address address,
        Double latitude,
        Double longitude,
        Set<Capability> capabilities,
        Integer dailyCapacity,
        LocalTime cutoffTime,
        String timeZone,
        BigDecimal handlingCostPerShipment,
        BigDecimal handlingCostPerUnit,
        NodeStatus status) {
}
