package io.maestro.processes.shipment;

import io.maestro.core.command.LineCancellations;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import io.maestro.processes.fulfillment.CancelOrder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Task_RecordDelivery: the shipment arrived; the order is DELIVERED once all it owes has arrived. */
@Component("recordDelivery")
public class RecordDelivery implements JavaDelegate {

    private final OrderService orders;
    private final LineCancellations cancellations;
    private final CustomerNotifications notifications;

    public RecordDelivery(OrderService orders, CustomerNotifications notifications, LineCancellations cancellations) {
        this.cancellations = cancellations;
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.DELIVERED, "SHIPMENT_DELIVERED",
                String.valueOf(s.shipment().carrier()), "Delivered by " + s.shipment().carrier());
        Order order = orders.get(s.orderId());
        boolean restCancelled = Boolean.TRUE.equals(execution.getVariable(CancelOrder.REST_CANCELLED));
        if (restCancelled ? OrderProgress.everyShipmentDelivered(order)
                : OrderProgress.allDelivered(order, cancellations.byLine(s.orderId()))) {
            orders.changeStatus(s.orderId(), OrderStatus.DELIVERED, "DELIVERED", ShipmentInProcess.ACTOR,
                    "Every shipment delivered", Map.of("shipmentId", s.shipmentId()));
        }
        notifications.tell(order, "DELIVERED", s.shipmentId(), "Your order " + s.orderId() + " was delivered",
                "Parcel " + s.shipment().trackingNumber() + " was delivered.", Map.of("shipmentId", s.shipmentId()));
    }
}
