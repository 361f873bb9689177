package io.maestro.processes.shipment;

import io.maestro.core.NotFoundException;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The order and the shipment a {@code shipment-execution} instance carries (business key = order id, variable
 * {@code shipmentId}).
 */
record ShipmentInProcess(Order order, Shipment shipment) {

    static final String ACTOR = "shipment-execution";

    static ShipmentInProcess load(OrderService orders, DelegateExecution execution) {
        return load(orders, execution.getProcessBusinessKey(), (String) execution.getVariable("shipmentId"));
    }

    static ShipmentInProcess load(OrderService orders, String orderId, String shipmentId) {
        Order order = orders.get(orderId);
        Shipment shipment = order.shipments().stream().filter(s -> s.shipmentId().equals(shipmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
        return new ShipmentInProcess(order, shipment);
    }

    String orderId() {
        return order.orderId();
    }

    String shipmentId() {
        return shipment.shipmentId();
    }
}
