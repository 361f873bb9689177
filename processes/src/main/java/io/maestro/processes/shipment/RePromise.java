package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
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
    private final CustomerNotifications notifications;

    public RePromise(OrderService orders, CustomerNotifications notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        LocalDate newDate = LocalDate.parse((String) execution.getVariable("newEstimatedDelivery"));
        boolean late = execution.getVariable("delayDays") instanceof Number days && days.intValue() > 0;
        boolean onItsWay = Boolean.TRUE.equals(execution.getVariable("leftNode"));
        ShipmentStatus status = onItsWay && late ? ShipmentStatus.DELAYED : s.shipment().status();
        String why = String.valueOf(execution.getVariable("delayReason"));
        orders.rePromise(s.orderId(), s.shipmentId(), newDate, status, ShipmentInProcess.ACTOR, "Shipment "
                + s.shipmentId() + " now due " + newDate + " (was " + s.shipment().promisedDate() + "): " + why);
        if (Boolean.TRUE.equals(execution.getVariable("notifyCustomer"))) {
            notifications.tell(s.order(), "DELAYED", s.shipmentId() + ":" + newDate, "Your order " + s.orderId()
                    + " is running late", "The parcel now arrives on " + newDate + ".",
                    Map.of("shipmentId", s.shipmentId(), "newEstimatedDelivery", newDate.toString()));
        }
    }
}
