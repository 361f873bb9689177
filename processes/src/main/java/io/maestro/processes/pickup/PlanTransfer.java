package io.maestro.processes.pickup;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * A transfer shipment from the source node to the pickup store: the order's units are reserved at the source
 * (ids {@code <transferShipmentId>-<lineNo>}), the shipment recorded, and the customer told it comes later.
 */
@Component("planTransfer")
public class PlanTransfer implements JavaDelegate {

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final NetworkService network;
    private final CustomerNotifications notifications;
    private final PickupProperties properties;
    private final Clock clock;

    public PlanTransfer(OrderService orders, InventoryLedger ledger, NetworkService network,
                        CustomerNotifications notifications, PickupProperties properties, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.network = network;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String source = (String) execution.getVariable("transferSourceNodeId");
        String transferId = order.orderId() + "-T" + (order.shipments().size() + 1);
        List<ShipmentLine> lines = order.lines().stream().map(l -> new ShipmentLine(l.lineNo(), l.sku(), l.quantity())).toList();
        ledger.reserve(order.channel(), order.lines().stream().map(l -> new ReservationRequest(transferId + "-" + l.lineNo(),
                order.orderId(), l.lineNo(), source, l.sku(), l.quantity())).toList(), PickupStock.ACTOR);
        LocalDate arrival = LocalDate.now(clock).plus(Period.ofDays((int) Math.max(1, properties.transferArrivalWithin().toDays())));
        String store = network.get(order.pickupNodeId()).name();
        String reason = "transfer from " + source + " to store " + order.pickupNodeId() + ": "
                + execution.getVariable("pickupActionReason");
        orders.recordPlan(order.orderId(), "TRANSFER_PLANNED", List.of(new Shipment(transferId, source, lines, ReleaseTransfer.TRANSFER,
                "GROUND", null, null, arrival, ShipmentStatus.PLANNED, null)), OrderStatus.ALLOCATED, PickupStock.ACTOR,
                reason, Map.of("transferShipmentId", transferId, "sourceNodeId", source, "units",
                        order.lines().stream().mapToInt(OrderLine::quantity).sum()));
        notifications.tell(order, "DELAYED", transferId, "Your order " + order.orderId() + " needs a little longer",
                store + " is getting your order from another location. We tell you as soon as it is ready for pickup"
                        + " (expected by " + arrival + ").", Map.of("nodeId", order.pickupNodeId(), "expectedBy", arrival.toString()));
        execution.setVariable("transferShipmentId", transferId);
        execution.setVariable("shipmentId", transferId);
    }
}
