package io.maestro.app.demo;

import io.maestro.core.geo.Address;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeType;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The demo network from {@code demo/nodes.csv}; coordinates are left to the postal code directory. */
final class DemoNodes {

    static final String RESOURCE = "/demo/nodes.csv";

    private DemoNodes() {
    }

    static List<NodeDefinition> read() {
        return DemoCsv.read(RESOURCE).stream().map(DemoNodes::node).toList();
    }

    private static NodeDefinition node(DemoCsv.Row r) {
        Address address = new Address(null, r.get("line1"), null, r.get("city"), r.get("region"),
                r.get("postal_code"), "US");
        Set<Capability> capabilities = Arrays.stream(r.get("capabilities").split("\\|"))
                .map(Capability::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return new NodeDefinition(r.get("id"), r.get("name"), NodeType.valueOf(r.get("type")), address, null, null,
                capabilities, Integer.valueOf(r.get("daily_capacity")), LocalTime.parse(r.get("cutoff")),
                r.get("time_zone"), new BigDecimal(r.get("cost_per_shipment")), new BigDecimal(r.get("cost_per_unit")),
                null);
    }
}
