package io.maestro.processes.shipment;

import io.maestro.core.order.OrderRepository;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;

/**
 * Task_RePromise: the shipment gets the new promised date (a late parcel on its way becomes DELAYED) and, when
 * the delay decision says so, the customer is told the new date.
 */
@Component("rePromise")
public class RePromise implements JavaDelegate {

    private final OrderService orders;
    private final OrderRepository shipments;
    private final CustomerNotifications notifications;

    public RePromise(OrderService orders, OrderRepository shipments, CustomerNotifications notifications) {
        this.orders = orders;
        this.shipments = shipments;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        Shipment old = s.shipment();
        LocalDate newDate = LocalDate.parse((String) execution.getVariable("newEstimatedDelivery"));
        boolean late = execution.getVariable("delayDays") instanceof Number days && days.intValue() > 0;
        boolean onItsWay = Boolean.TRUE.equals(execution.getVariable("leftNode"));
        ShipmentStatus status = onItsWay && late ? ShipmentStatus.DELAYED : old.status();
        shipments.saveShipment(s.orderId(), new Shipment(old.shipmentId(), old.nodeId(), old.lines(), old.carrier(),
                old.service(), old.cost(), old.co2Kg(), newDate, status, old.trackingNumber()));
        String why = String.valueOf(execution.getVariable("delayReason"));
        orders.record(s.orderId(), "SHIPMENT_REPROMISED", ShipmentInProcess.ACTOR, "Shipment " + s.shipmentId()
                + " now due " + newDate + " (was " + old.promisedDate() + "): " + why, Map.of("shipmentId",
                s.shipmentId(), "promisedDate", newDate.toString(), "status", status.name()));
        if (Boolean.TRUE.equals(execution.getVariable("notifyCustomer"))) {
            notifications.tell(s.order(), "DELAYED", s.shipmentId() + ":" + newDate, "Your order " + s.orderId()
                    + " is running late", "The parcel now arrives on " + newDate + ".",
                    Map.of("shipmentId", s.shipmentId(), "newEstimatedDelivery", newDate.toString()));
        }
    }
}
