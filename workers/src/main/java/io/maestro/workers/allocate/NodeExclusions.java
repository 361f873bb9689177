package io.maestro.workers.allocate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.audit.AuditTrail;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.Order;
import io.maestro.core.order.Shipment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The nodes an order may not be sourced from. Its process hands the allocation task the nodes it ruled out
 * ({@code excludedNodes}: the nodes that rejected or short-picked a shipment being rerouted, or every node but the
 * one an operator chose); to these come the nodes of types DMN {@code node-eligibility} did not allow
 * ({@link #withIneligible}). Planned outside its process (the wave re-optimisation), the order's exclusions are read
 * from what its process left on the order ({@link #of}).
 */
@Component
public class NodeExclusions {

    /** The timeline entry of an operator's choice of node to source the order from ({@code nodeId} in its details). */
    public static final String NODE_CHOSEN = "NODE_CHOSEN";
    static final String SHIPMENT_REJECTED = "SHIPMENT_REJECTED";
    /** Entries after which the process allocates again without the operator's choice (it clears the exclusions). */
    private static final Set<String> CHOICE_DROPPED = Set.of("BACKORDERED", "REMAINDER_BACKORDERED",
            "WAITING_TO_CONSOLIDATE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetworkService network;
    private final EngineInputs inputs;
    private final AuditTrail audit;

    public NodeExclusions(NetworkService network, EngineInputs inputs, AuditTrail audit) {
        this.network = network;
        this.inputs = inputs;
        this.audit = audit;
    }

    /** {@code excludedNodeIds} and the nodes of types {@code node-eligibility} did not allow ({@code eligibleNodeTypes}, comma-separated). */
    public Set<String> withIneligible(Set<String> excludedNodeIds, Map<String, ?> decided) {
        Object eligible = decided.get("eligibleNodeTypes");
        if (!(eligible instanceof String types) || types.isBlank()) {
            return excludedNodeIds;
        }
        Set<String> excluded = new HashSet<>(excludedNodeIds);
        excluded.addAll(inputs.nodesNotOfTypes(Arrays.stream(types.split(",")).map(String::trim).collect(Collectors.toSet())));
        return excluded;
    }

    /**
     * The order's exclusions from its shipments and timeline, where no engine is needed: every node whose shipment
     * of the order was REJECTED ({@code SHIPMENT_REJECTED}: it refused it, was short, did not answer or was rerouted
     * from), and, while an operator's choice of node ({@link #NODE_CHOSEN}) stands, every node but the chosen one. The
     * choice lifts a rejection by that node before it, and stands for the allocation that follows it (as in the
     * process): until the chosen node rejects a shipment, or the process backorders the order or the rest of it, or
     * holds it to consolidate ({@code BACKORDERED}, {@code REMAINDER_BACKORDERED}, {@code WAITING_TO_CONSOLIDATE}:
     * its next allocation may use any node). Then the types {@code decided} did not allow ({@link #withIneligible}).
     */
    public Set<String> of(Order order, Map<String, ?> decided) {
        Map<String, String> nodeOfShipment = order.shipments().stream()
                .collect(Collectors.toMap(Shipment::shipmentId, Shipment::nodeId, (a, b) -> a));
        Set<String> rejected = new LinkedHashSet<>();
        String chosen = null;
        for (TimelineEntry entry : audit.timeline(order.orderId())) {
            if (entry.type().equals(NODE_CHOSEN)) {
                chosen = detail(entry, "nodeId", Function.identity());
                rejected.remove(chosen);
            } else if (CHOICE_DROPPED.contains(entry.type())) {
                chosen = null;
            } else if (entry.type().equals(SHIPMENT_REJECTED)) {
                String node = detail(entry, "shipmentId", nodeOfShipment::get);
                if (node != null) {
                    rejected.add(node);
                    if (node.equals(chosen)) {
                        chosen = null;
                    }
                }
            }
        }
        Set<String> excluded = new HashSet<>(rejected);
        if (chosen != null) {
            String only = chosen;
            network.all().stream().map(Node::id).filter(id -> !id.equals(only)).forEach(excluded::add);
        }
        return withIneligible(excluded, decided);
    }

    private static String detail(TimelineEntry entry, String field, Function<String, String> then) {
        try {
            String value = entry.detailsJson() == null ? "" : JSON.readTree(entry.detailsJson()).path(field).asText();
            return value.isEmpty() ? null : then.apply(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A timeline entry's details are not JSON: " + entry.detailsJson(), e);
        }
    }
}
