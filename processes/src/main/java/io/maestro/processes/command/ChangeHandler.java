package io.maestro.processes.command;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.order.DeliveryOption;
import io.maestro.core.order.Order;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Change of ship-to address: message {@code OrderChangeRequested}, applied by the order's process at once
 * (what is planned and not released is planned again). Once any shipment is at a node or on its way the
 * change is refused: the node already has the old address.
 */
@Component
class ChangeHandler implements CommandHandler {

    static final String MESSAGE = "OrderChangeRequested";
    private static final Set<ShipmentStatus> AT_NODE_OR_LATER = EnumSet.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED,
            ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED, ShipmentStatus.DELIVERED);

    private final RuntimeService runtime;

    ChangeHandler(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public CommandType type() {
        return CommandType.CHANGE;
    }

    @Override
    public void check(OrderCommand command, Map<String, Object> payload, Order order) {
        OrderStates.requireOpen(order, "change its address");
        if (order.deliveryOption() != DeliveryOption.SHIP) {
            throw new StateConflictException("Order " + order.orderId() + " is picked up at a store (" + order.deliveryOption()
                    + "): it has no ship-to address to change");
        }
        Optional<Shipment> released = order.shipments().stream().filter(s -> AT_NODE_OR_LATER.contains(s.status())).findFirst();
        if (released.isPresent()) {
            throw new StateConflictException("Shipment " + released.get().shipmentId() + " is already " + released.get().status()
                    + " at " + released.get().nodeId() + " with the old address: the address can no longer change");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public String apply(OrderCommand command, Map<String, Object> payload, Order order) {
        check(command, payload, order);
        Map<String, Object> shipTo = (Map<String, Object>) payload.get("shipTo");
        Map<String, Object> variables = new HashMap<>();
        variables.put("newShipToName", shipTo.get("name"));
        variables.put("newShipToLine1", shipTo.get("line1"));
        variables.put("newShipToLine2", shipTo.get("line2"));
        variables.put("newShipToCity", shipTo.get("city"));
        variables.put("newShipToRegion", shipTo.get("region"));
        variables.put("newShipToPostalCode", shipTo.get("postalCode"));
        variables.put("newShipToCountry", shipTo.get("country") == null ? "US" : shipTo.get("country"));
        variables.put("changedBy", command.actor());
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(order.orderId()).setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new StateConflictException("Order " + order.orderId() + " is " + order.status()
                    + " and its fulfilment is no longer running: the address can no longer change");
        }
        return "new ship-to " + shipTo.get("postalCode") + " " + shipTo.get("city");
    }
}
