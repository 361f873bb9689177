package io.maestro.processes.pickup;

import io.maestro.core.inventory.AtpSnapshot;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeType;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Optional;

/**
 * What else could serve a pickup the chosen store cannot: the nearest other node that can send the whole order to
 * the store (a transfer), and the nearest other store within {@code nearbyStoreMiles} that has it all now and offers
 * the same way of collecting. Puts the inputs of DMN {@code pickup-exception} into the process.
 */
@Component
public class PickupOptions {

    private final NetworkService network;
    private final InventoryQueries inventory;
    private final PickupProperties properties;

    public PickupOptions(NetworkService network, InventoryQueries inventory, PickupProperties properties) {
        this.network = network;
        this.inventory = inventory;
        this.properties = properties;
    }

    public void assess(DelegateExecution execution, Order order, String situation) {
        Node store = network.get(order.pickupNodeId());
        AtpSnapshot atp = inventory.snapshot(order.channel(), order.lines().stream().map(OrderLine::sku).distinct().toList());
        Optional<Node> source = network.all().stream()
                .filter(n -> !n.id().equals(store.id()) && n.acceptsWork() && (n.can(Capability.SHIP) || n.can(Capability.SHIP_FROM_STORE)))
                .filter(n -> hasAll(atp, n, order))
                .min(Comparator.comparingDouble(n -> n.location().milesTo(store.location())));
        Capability collect = order.deliveryOption() == DeliveryOption.CURBSIDE ? Capability.CURBSIDE : Capability.PICKUP;
        Optional<Node> otherStore = network.all().stream()
                .filter(n -> !n.id().equals(store.id()) && n.type() == NodeType.STORE && n.acceptsWork() && n.can(collect))
                .filter(n -> n.location().milesTo(store.location()) <= properties.nearbyStoreMiles())
                .filter(n -> hasAll(atp, n, order))
                .min(Comparator.comparingDouble(n -> n.location().milesTo(store.location())));
        execution.setVariable("situation", situation);
        execution.setVariable("transferPossible", source.isPresent());
        execution.setVariable("transferSourceNodeId", source.map(Node::id).orElse(null));
        execution.setVariable("otherStoreNearby", otherStore.isPresent());
        execution.setVariable("alternativeStoreId", otherStore.map(Node::id).orElse(null));
    }

    private static boolean hasAll(AtpSnapshot atp, Node node, Order order) {
        return order.lines().stream().allMatch(l -> atp.atp(node.id(), l.sku()) >= l.quantity());
    }
}
