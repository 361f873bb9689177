package io.maestro.processes.shipment;

import io.maestro.core.command.LineCancellations;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task_RecordDispatch: the parcel left the node (ShipmentDispatched). Its reservations are consumed, the order
 * is PARTIALLY_SHIPPED or SHIPPED, and the customer gets the tracking number.
 */
@Component("recordDispatch")
public class RecordDispatch implements JavaDelegate {

    private final OrderService orders;
    private final LineCancellations cancellations;
    private final InventoryLedger ledger;
    private final CustomerNotifications notifications;

    public RecordDispatch(OrderService orders, InventoryLedger ledger, CustomerNotifications notifications,
                          LineCancellations cancellations) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.ledger = ledger;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        String tracking = execution.getVariable("trackingNumber") instanceof String t ? t : s.shipment().trackingNumber();
        String carrier = execution.getVariable("carrier") instanceof String c ? c : s.shipment().carrier();
        ledger.consumeAll(s.shipment().lines().stream().map(line -> s.shipmentId() + "-" + line.lineNo()).toList(),
                "shipment " + s.shipmentId() + " dispatched", ShipmentInProcess.ACTOR);
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.DISPATCHED, "SHIPMENT_DISPATCHED",
                s.shipment().nodeId(), "Left " + s.shipment().nodeId() + " with " + carrier + ", tracking " + tracking);
        Order order = orders.get(s.orderId());
        OrderStatus status = OrderProgress.allShipped(order, cancellations.byLine(s.orderId())) ? OrderStatus.SHIPPED
                : OrderStatus.PARTIALLY_SHIPPED;
        orders.changeStatus(s.orderId(), status, status.name(), ShipmentInProcess.ACTOR,
                "Shipment " + s.shipmentId() + " dispatched", Map.of("shipmentId", s.shipmentId()));
        notifications.tell(order, "SHIPPED", s.shipmentId(), "Your order " + s.orderId() + " is on its way",
                "Shipped with " + carrier + ", tracking number " + tracking + ".",
                Map.of("shipmentId", s.shipmentId(), "carrier", String.valueOf(carrier),
                        "trackingNumber", String.valueOf(tracking)));
    }
}
