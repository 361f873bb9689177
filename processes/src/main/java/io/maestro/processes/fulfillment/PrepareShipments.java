package io.maestro.processes.fulfillment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.processes.CustomerNotifications;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code prepareShipments}: the shipments to execute now are this allocation's plus any held for
 * consolidation; tells the customer when the order ships in more than one parcel.
 */
@Component("prepareShipments")
public class PrepareShipments implements JavaDelegate {

    private final OrderService orders;
    private final CustomerNotifications notifications;
    private final ShipmentIdList ids;

    public PrepareShipments(OrderService orders, CustomerNotifications notifications, ShipmentIdList ids) {
        this.orders = orders;
        this.notifications = notifications;
        this.ids = ids;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String toExecute = ids.join((String) execution.getVariable("heldShipmentIds"), (String) execution.getVariable("shipmentIds"));
        execution.setVariable("executeShipmentIds", toExecute);
        clear(execution, "heldShipmentIds");
        clear(execution, "excludedNodes");
        List<String> shipments = ids.split(toExecute);
        if (shipments.size() > 1) {
            Order order = orders.get((String) execution.getVariable("orderId"));
            notifications.tell(order, "ORDER_SPLIT", String.join("+", shipments),
                    "Your order " + order.orderId() + " ships in " + shipments.size() + " parcels",
                    "To reach you sooner, order " + order.orderId() + " ships in " + shipments.size() + " parcels.",
                    Map.of("shipmentIds", shipments));
        }
    }

    /** Empties a list the next round starts without (only if it holds something: no row for nothing). */
    private static void clear(DelegateExecution execution, String name) {
        if (execution.getVariable(name) instanceof String list && !list.isEmpty()) {
            execution.setVariable(name, "");
        }
    }
}
